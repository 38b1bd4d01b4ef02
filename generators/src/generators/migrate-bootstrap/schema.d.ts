export interface MigrateBootstrapGeneratorSchema {
  skipFormat?: boolean;
}
