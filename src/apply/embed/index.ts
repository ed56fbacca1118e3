// Placeholder: writing license metadata into media files (issue: media folders). The types
// are the contract `farleft apply --embed` codes against.

export interface EmbedRequest {
  /** Absolute path of the file to tag. */
  readonly abs: string;
  /** Relative POSIX path, for messages. */
  readonly path: string;
  /** The SPDX expression to declare. */
  readonly expression: string;
  /** Copyright notices, e.g. "2026 Example Collective". */
  readonly copyright: readonly string[];
  /** Keep the original beside the file as <name>.orig. */
  readonly backup: boolean;
  /** Work out what would change without writing. */
  readonly dryRun: boolean;
}

export type EmbedStatus = 'written' | 'unchanged' | 'unsupported' | 'failed';

export interface EmbedResult {
  readonly status: EmbedStatus;
  /** The format handled ('jpeg', 'mp3', ...), when known. */
  readonly format?: string;
  /** Why, for 'unsupported' and 'failed'. */
  readonly message?: string;
}

/** Whether this file's format can carry embedded license metadata farleft writes. */
export function canEmbed(_path: string): boolean {
  return false;
}

export async function embedMetadata(request: EmbedRequest): Promise<EmbedResult> {
  return { status: 'unsupported', message: `${request.path}: embedding metadata is not available yet` };
}
