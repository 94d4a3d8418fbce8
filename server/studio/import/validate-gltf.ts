// Runs the Khronos glTF validator on GLB or glTF bytes and sums up its errors and warnings in words.
import { createRequire } from 'node:module';

interface ValidatorMessage {
  code: string;
  message: string;
  severity: number;
  pointer?: string;
}

interface ValidatorReport {
  issues: { numErrors: number; numWarnings: number; messages: ValidatorMessage[] };
}

interface ValidatorOptions {
  format?: 'glb' | 'gltf';
  maxIssues?: number;
  externalResourceFunction?: (uri: string) => Promise<Uint8Array>;
}

interface Validator {
  validateBytes(data: Uint8Array, options?: ValidatorOptions): Promise<ValidatorReport>;
}

export interface ValidationSummary {
  numErrors: number;
  numWarnings: number;
  /** Every error code reported, when the report lists them all (`null` when it was cut short). */
  errorCodes: string[] | null;
  /** The first few, as "CODE at /pointer: message". */
  errors: string[];
  warnings: string[];
}

const SHOWN_ISSUES = 5;
const ERROR = 0;
const WARNING = 1;

let validator: Validator | undefined;

const describe = (message: ValidatorMessage): string => `${message.code}${message.pointer ? ` at ${message.pointer}` : ''}: ${message.message}`;

/**
 * `resource` answers the validator's requests for external files (by the URI written in the glTF); unknown ones reject,
 * which the validator reports as an error. Throws when the bytes are not glTF at all.
 */
export async function validateGltf(bytes: Uint8Array, format: 'glb' | 'gltf', resource: (uri: string) => Uint8Array | undefined = () => undefined): Promise<ValidationSummary> {
  validator ??= createRequire(import.meta.url)('gltf-validator') as Validator;
  const report = await validator.validateBytes(bytes, {
    format,
    maxIssues: 200,
    externalResourceFunction: async (uri) => {
      const found = resource(uri);
      if (!found) throw new Error(`${uri} is missing`);
      return found;
    },
  });
  const messages = report.issues.messages;
  const errorMessages = messages.filter((message) => message.severity === ERROR);
  return {
    numErrors: report.issues.numErrors,
    numWarnings: report.issues.numWarnings,
    errorCodes: errorMessages.length === report.issues.numErrors ? [...new Set(errorMessages.map((message) => message.code))] : null,
    errors: messages.filter((message) => message.severity === ERROR).slice(0, SHOWN_ISSUES).map(describe),
    warnings: messages.filter((message) => message.severity === WARNING).slice(0, SHOWN_ISSUES).map(describe),
  };
}
