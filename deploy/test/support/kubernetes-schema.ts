// Two checks of a rendered object against the Kubernetes API: the OpenAPI validators compiled by `kubernetes-models`
// (types, enums, required fields), and a strict unknown-field walk over the type map of `@kubernetes/client-node`
// (the API server drops unknown fields silently, and `kubernetes-models` does not reject them either, so a misspelt
// `readOnlyRootFilesytem` would otherwise pass and leave the container writable).
import * as models from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import type { Manifest } from './helm.ts';

interface Attribute {
  baseName: string;
  type: string;
}
type ModelClass = { getAttributeTypeMap(): Attribute[] };

const modelClasses = models as unknown as Record<string, ModelClass | undefined>;

/** `apps/v1` + `Deployment` → `V1Deployment`, the generated class of that kind. */
function className(apiVersion: string, kind: string): string {
  const version = apiVersion.split('/').at(-1) ?? '';
  return `${version.charAt(0).toUpperCase()}${version.slice(1)}${kind}`;
}

/** Paths of fields the Kubernetes API does not define, or of values of the wrong JSON type. */
export function unknownFields(manifest: Manifest): string[] {
  const type = className(manifest.apiVersion, manifest.kind);
  if (!modelClasses[type]) return [`${manifest.kind}: no such kind in ${manifest.apiVersion}`];
  const problems: string[] = [];
  walk(manifest, type, manifest.kind, problems);
  return problems;
}

function walk(value: unknown, type: string, path: string, problems: string[]): void {
  if (value === null || value === undefined) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array?.[1]) {
    if (!Array.isArray(value)) problems.push(`${path}: expected a list`);
    else for (const [index, item] of value.entries()) walk(item, array[1] as string, `${path}[${index}]`, problems);
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map?.[1]) {
    if (typeof value !== 'object' || Array.isArray(value)) problems.push(`${path}: expected a map`);
    else for (const [key, item] of Object.entries(value)) walk(item, map[1] as string, `${path}.${key}`, problems);
    return;
  }
  const model = modelClasses[type];
  if (model && typeof model.getAttributeTypeMap === 'function') {
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${path}: expected an object`);
      return;
    }
    const attributes = new Map(model.getAttributeTypeMap().map((attribute) => [attribute.baseName, attribute.type]));
    for (const [key, item] of Object.entries(value)) {
      const itemType = attributes.get(key);
      if (itemType === undefined) problems.push(`${path}.${key}: unknown field`);
      else walk(item, itemType, `${path}.${key}`, problems);
    }
    return;
  }
  if (type === 'string' && typeof value !== 'string') problems.push(`${path}: expected a string`);
  if (type === 'number' && typeof value !== 'number') problems.push(`${path}: expected a number`);
  if (type === 'boolean' && typeof value !== 'boolean') problems.push(`${path}: expected true or false`);
}

/** Errors of the OpenAPI validator of the object's kind (empty when valid). */
export async function schemaErrors(manifest: Manifest): Promise<string[]> {
  const [group, version] = manifest.apiVersion.includes('/')
    ? manifest.apiVersion.split('/')
    : ['v1', manifest.apiVersion];
  const folder = group === 'v1' ? 'v1' : `${group}/${version}`;
  const module = (await import(`kubernetes-models/${folder}/${manifest.kind}`)) as Record<
    string,
    new (
      data: unknown,
    ) => { validate(): void }
  >;
  const Model = module[manifest.kind];
  if (!Model) return [`${manifest.kind}: no kubernetes-models class`];
  try {
    new Model(manifest).validate();
    return [];
  } catch (error) {
    return [`${manifest.kind}/${manifest.metadata.name}: ${(error as Error).message}`];
  }
}
