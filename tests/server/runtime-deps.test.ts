import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** What `npm start` and `npm run admin` run. */
const ENTRY_POINTS = ['server/main.ts', 'server/cli/admin.ts'];
/**
 * Needed at run time without being imported: the server runs its TypeScript sources
 * through tsx (`node --import tsx`), there is no compile step.
 */
const LOADERS = ['tsx'];

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Specifiers a module loads at run time (type-only imports are erased by the loader). */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly = ts.isImportDeclaration(node)
        ? node.importClause?.isTypeOnly === true
        : node.isTypeOnly;
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveLocal(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${relative(ROOT, from)}`);
}

/** npm packages (name → first importing module) reachable from the entry points. */
function serverPackages(): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = ENTRY_POINTS.map((e) => join(ROOT, e));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.json')) continue;
    for (const spec of runtimeSpecifiers(file)) {
      if (spec.startsWith('.')) {
        queue.push(resolveLocal(file, spec));
        continue;
      }
      if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      const parts = spec.split('/');
      const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
      if (!packages.has(name)) packages.set(name, relative(ROOT, file));
    }
  }
  return packages;
}

describe('package.json splits run time from build time', () => {
  const used = serverPackages();

  it('finds the server modules and their packages', () => {
    // Guards the scan itself: without these the assertions below would pass vacuously.
    expect([...used.keys()]).toEqual(expect.arrayContaining(['hono', '@electric-sql/pglite']));
  });

  it('every package the server imports at run time is in dependencies', () => {
    const missing = [...used].filter(([name]) => !(name in pkg.dependencies));
    expect(
      missing.map(([name, file]) => `${name} (imported by ${file})`),
      'npm ci --omit=dev would leave these out; move them to dependencies',
    ).toEqual([]);
  });

  it('dependencies hold only what the server needs at run time', () => {
    const extra = Object.keys(pkg.dependencies).filter(
      (name) => !used.has(name) && !LOADERS.includes(name),
    );
    expect(
      extra,
      'only the build (vite) or the tests use these; move them to devDependencies',
    ).toEqual([]);
  });
});
