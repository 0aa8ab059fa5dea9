/**
 * Builds the manifest's JSON Schema from the requirements table, so the schema, the
 * diagnostics and the hovers can never disagree. `schemas/osai-manifest.schema.json` is
 * this function's output (written by `npm run schema`, checked by a test).
 */
import { markdownDoc } from '../../osaid/docs';
import { childrenOf, Requirement } from '../../osaid/requirements';

type JsonSchema = Record<string, unknown>;

export interface SchemaVariant {
  /**
   * `published`: for other YAML tools; declares `required`.
   * `validation`: what ajv checks here; no `required` (the rules report missing elements
   * with their own code and quick fix) and every value may be null (the rules report
   * empty values as `osaid/empty`).
   */
  variant: 'published' | 'validation';
}

export const SCHEMA_ID = 'https://osai-tools.github.io/schemas/osai-manifest.schema.json';

export function buildManifestSchema(options: SchemaVariant): JsonSchema {
  const root = objectSchema('', options);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...(options.variant === 'published' ? { $id: SCHEMA_ID } : {}),
    title: 'Open Source AI release manifest (OSAID 1.0)',
    description: 'Describes an AI system release so it can be checked against the Open Source AI Definition 1.0.',
    ...root,
  };
}

function objectSchema(pattern: string, options: SchemaVariant): JsonSchema {
  const children = childrenOf(pattern);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const conditional: JsonSchema[] = [];
  for (const child of children) {
    const key = child.path.slice(pattern ? pattern.length + 1 : 0);
    properties[key] = valueSchema(child, options);
    if (child.level !== 'required') continue;
    if (child.when) {
      conditional.push({
        if: { properties: { [child.when.sibling]: { const: child.when.equals } }, required: [child.when.sibling] },
        then: { required: [key] },
      });
    } else {
      required.push(key);
    }
  }
  const schema: JsonSchema = {
    type: nullable('object', options),
    properties,
    // `x-…` keys are free for tools and organisations to extend the manifest.
    patternProperties: { '^x-': {} },
    additionalProperties: false,
  };
  if (options.variant === 'published') {
    if (required.length) schema.required = required;
    if (conditional.length) schema.allOf = conditional;
  }
  return schema;
}

function valueSchema(req: Requirement, options: SchemaVariant): JsonSchema {
  const docs = {
    description: req.summary,
    markdownDescription: markdownDoc(req),
  };
  const shape = req.shape;
  switch (shape.kind) {
    case 'section':
      return { ...docs, ...objectSchema(req.path, options) };
    case 'list': {
      // Or a statement that it does not apply (`none — …`), where the element may truly not exist.
      const list: JsonSchema = {
        ...docs,
        type: nullable(req.mayNotApply ? ['array', 'string'] : 'array', options),
        items: objectSchema(`${req.path}[]`, options),
      };
      if (options.variant === 'published') list.minItems = shape.minItems;
      return list;
    }
    case 'enum':
      return {
        ...docs,
        type: nullable('string', options),
        enum: options.variant === 'published' ? [...shape.values] : [...shape.values, null],
      };
    case 'version':
      // `osaid: 1.0` (a YAML number) is as common as `osaid: "1.0"`; accept both.
      return {
        ...docs,
        type: nullable(['string', 'number'], options),
        enum: [...shape.values, ...shape.values.map(Number), ...(options.variant === 'validation' ? [null] : [])],
      };
    case 'date':
      return { ...docs, type: nullable('string', options), pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
    case 'boolean':
      return { ...docs, type: nullable('boolean', options) };
    case 'license':
    case 'text':
      return { ...docs, type: nullable('string', options) };
  }
}

function nullable(type: string | string[], options: SchemaVariant): string | string[] {
  const types = Array.isArray(type) ? type : [type];
  if (options.variant === 'validation') return [...types, 'null'];
  return types.length === 1 ? types[0] : types;
}
