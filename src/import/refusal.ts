/**
 * Why a raw file cannot be imported. Every step of the importer returns one instead of throwing, so the
 * command can name the file (and the line, when there is one), write nothing for it and go on with the others.
 */
export interface Refusal {
  ok: false;
  /** A sentence an editor can act on, e.g. `no 发布日期 (publication date) after the title`. */
  reason: string;
  /** 1-based line of the raw file the refusal is about, when it is about one line. */
  line?: number;
}

export function refuse(reason: string, line?: number): Refusal {
  return line === undefined ? { ok: false, reason } : { ok: false, reason, line };
}
