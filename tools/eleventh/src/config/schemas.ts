/** The JSON Schemas (draft-07) of the hand-written files, by file name. */
import environment from '../../schemas/environment.schema.json';
import images from '../../schemas/images.schema.json';
import overrides from '../../schemas/overrides.schema.json';
import platformDefaults from '../../schemas/platform-defaults.schema.json';
import platformSettings from '../../schemas/platform-settings.schema.json';
import serviceConfig from '../../schemas/service-config.schema.json';
import tenant from '../../schemas/tenant.schema.json';

/** The parts of a draft-07 schema the messages read (ajv validates; see schema-validate.ts), plus message hints. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean | Schema;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly propertyNames?: Schema;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly Schema[];
  readonly definitions?: Readonly<Record<string, Schema>>;
  readonly format?: string;
  /** Completes "'key' must be …". */
  readonly 'x-must'?: string;
  /** What "(expected …, got …)" names instead of the JSON type. */
  readonly 'x-expected'?: string;
  /** For `propertyNames`: what a key is, e.g. "environment variable name". */
  readonly 'x-invalid'?: string;
}

const documents: Readonly<Record<string, Schema>> = {
  'environment.schema.json': environment as Schema,
  'images.schema.json': images as Schema,
  'overrides.schema.json': overrides as Schema,
  'platform-defaults.schema.json': platformDefaults as Schema,
  'platform-settings.schema.json': platformSettings as Schema,
  'service-config.schema.json': serviceConfig as Schema,
  'tenant.schema.json': tenant as Schema,
};

export function schemaDocument(name: string): Schema {
  const schema = documents[name];
  if (!schema) throw new Error(`no schema named ${name}`);
  return schema;
}

/** Every schema document, for ajv. */
export function schemaDocuments(): readonly Schema[] {
  return Object.values(documents);
}
