/**
 * Where a repository states its license, read from the files themselves: license files by
 * their names, an `SPDX-License-Identifier:` line at the top of a file, and the license field
 * of the package manifests (`package.json`, `pyproject.toml`, `setup.cfg`, `Cargo.toml`).
 */
import { parse as parseToml } from 'smol-toml';

/**
 * File name endings a license file may have: none, or a document's (text, Markdown,
 * reStructuredText, AsciiDoc, Org, HTML, PDF — a PDF is then reported as not text, not
 * skipped). Code, data and images are never license files.
 */
const TEXT_ENDING = /\.(?:txt|text|md|markdown|rst|adoc|org|html?|pdf)$/i;

/**
 * Names real repositories give license files: `LICENSE`, `LICENCE`, `COPYING`, `UNLICENSE`,
 * `LICENSE-MIT`, `LICENSE-MODEL`, `MODEL_LICENSE_AGREEMENT.txt`, `GEMMA_TERMS_OF_USE.txt`, any
 * case, with a document's ending or none (never code: `license.py`, `check-license.js`).
 */
export function isLicenseFileName(name: string): boolean {
  if (/\.[a-z0-9]+$/i.test(name) && !TEXT_ENDING.test(name)) return false;
  const stem = name.replace(TEXT_ENDING, '');
  return (
    /(?:^|[-_. ])(?:un)?licen[cs]e(?:s|[-_. ]|$)/i.test(stem) ||
    /^copying(?:[-_. ]|$)/i.test(stem) ||
    /terms[-_ ]of[-_ ]use/i.test(stem)
  );
}

/** Package manifests whose license field names the license of the folder they are in. */
export const PACKAGE_MANIFESTS = ['package.json', 'pyproject.toml', 'setup.cfg', 'Cargo.toml'] as const;

/** What a package manifest states: an expression, and/or license files it names. */
export interface PackageLicense {
  expression?: string;
  files?: string[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function packageLicense(name: string, content: string): PackageLicense | undefined {
  try {
    switch (name) {
      case 'package.json': {
        const pkg = JSON.parse(content) as { license?: unknown; licenses?: unknown };
        const license = pkg.license;
        // `SEE LICENSE IN <file>` points at a file; the legacy object and list forms carry a `type`.
        const see = typeof license === 'string' ? /^SEE LICEN[CS]E IN (.+)$/i.exec(license.trim()) : null;
        if (see) return { files: [see[1].trim()] };
        const expression =
          text(license) ??
          text((license as { type?: unknown } | undefined)?.type) ??
          (Array.isArray(pkg.licenses)
            ? pkg.licenses
                .map((l) => text((l as { type?: unknown })?.type))
                .filter(Boolean)
                .join(' OR ') || undefined
            : undefined);
        return expression ? { expression } : undefined;
      }
      case 'pyproject.toml': {
        const project = (parseToml(content) as { project?: { license?: unknown; 'license-files'?: unknown } }).project;
        const license = project?.license;
        if (typeof license === 'string') return text(license) ? { expression: text(license) } : undefined;
        const table = license as { text?: unknown; file?: unknown } | undefined;
        const files = [
          text(table?.file),
          ...(Array.isArray(project?.['license-files']) ? project!['license-files'].map(text) : []),
        ].filter((f): f is string => !!f);
        const expression = text(table?.text);
        return expression || files.length
          ? { ...(expression ? { expression } : {}), ...(files.length ? { files } : {}) }
          : undefined;
      }
      case 'Cargo.toml': {
        const pkg = (parseToml(content) as { package?: { license?: unknown; 'license-file'?: unknown } }).package;
        const expression = text(pkg?.license);
        const file = text(pkg?.['license-file']);
        return expression || file
          ? { ...(expression ? { expression } : {}), ...(file ? { files: [file] } : {}) }
          : undefined;
      }
      case 'setup.cfg': {
        // INI: the `license` of `[metadata]` (a value may continue on indented lines; the first is the license).
        const metadata = /^\[metadata\][ \t]*\r?\n([\s\S]*?)(?=^\[|$(?![\s\S]))/m.exec(content)?.[1] ?? '';
        const expression = text(/^license[ \t]*[=:][ \t]*(.*)$/m.exec(metadata)?.[1]);
        return expression ? { expression } : undefined;
      }
    }
  } catch {
    return undefined; // a manifest that does not parse states nothing
  }
  return undefined;
}

/** `SPDX-License-Identifier: <expression>` in the first lines of a file (comment markers around it dropped). */
export function spdxHeader(head: string): string | undefined {
  const m = /SPDX-License-Identifier:[ \t]*([^\r\n]+)/.exec(head.split(/\r?\n/).slice(0, 20).join('\n'));
  if (!m) return undefined;
  return text(m[1].replace(/\s*(?:\*\/|-->|#}|%>)\s*$/, '').replace(/^["'(]+|["')]+$/g, ''));
}
