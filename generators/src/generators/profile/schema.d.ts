export interface ProfileGeneratorSchema {
  /** The profile (DNS-1123 label); also the namespace its add-ons live in. */
  name: string;
  /** One line. @default 'Add-ons of the <name> business unit' */
  description?: string;
  skipFormat?: boolean;
}
