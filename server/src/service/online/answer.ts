/** What an online check sends and what it gets back, independent of how the host fetches. */

export interface OnlineRequest {
  url: string;
  headers: Record<string, string>;
}

/** A response as the checks read it: header names in lower case, the body as text. */
export interface OnlineAnswer {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** A JSON object body, or undefined for anything else (HTML error pages, truncated text). */
export function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Seconds to wait, from `Retry-After` (seconds or an HTTP date), given the time of the answer. */
export function retryAfterSeconds(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
