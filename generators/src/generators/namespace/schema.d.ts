export interface NamespaceGeneratorSchema {
  /** The namespace (DNS-1123 label). */
  name: string;
  /** The owning team's group, with or without a leading `@`. */
  team: string;
  /** `cpu=8,memory=16Gi,pods=50`, any subset. */
  quota?: string;
  quotaCpu?: string | number;
  quotaMemory?: string | number;
  quotaPods?: number;
  skipFormat?: boolean;
}
