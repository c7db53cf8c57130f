import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { appShellHtml } from './src/app/shellHtml.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const THEME_COLOR = '#0b5d7a';

/**
 * vite-plugin-pwa builds the service worker with rollup's `output.inlineDynamicImports`,
 * which rolldown (Vite 8) deprecates in favour of `codeSplitting: false` and warns about on
 * every build. Same outcome (one file), said the new way.
 */
function singleFileWorker(): Plugin {
  return {
    name: 'qw:sw-single-file',
    config(config) {
      // Vite 8 keeps `rollupOptions` as an alias of `rolldownOptions`: change the object.
      const output = config.build?.rolldownOptions?.output;
      if (!output || Array.isArray(output) || !('inlineDynamicImports' in output)) return;
      output.codeSplitting = !output.inlineDynamicImports;
      delete output.inlineDynamicImports;
    },
  };
}

/** The first screen as static HTML in index.html, painted before the script runs. */
function appShell(): Plugin {
  const messages = JSON.parse(
    readFileSync(new URL('./src/i18n/de.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const t = (key: string): string => {
    const found = key
      .split('.')
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        messages,
      );
    if (typeof found !== 'string') throw new Error(`app shell: no message ${key}`);
    return found;
  };
  return {
    name: 'qw:app-shell',
    transformIndexHtml: (html) =>
      html.replace('<div id="app"></div>', `<div id="app">${appShellHtml(t)}</div>`),
  };
}

/**
 * The entry (src/main.tsx) imports the app's code dynamically, so that it is evaluated
 * after the first paint and in steps. Its files are still fetched at once: index.html gets a
 * modulepreload for each chunk the entry imports dynamically (and their imports), and their
 * stylesheets as ordinary links, so the static first screen is styled from the start.
 */
function bootPreload(): Plugin {
  let base = '/';
  return {
    name: 'qw:boot-preload',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle: OutputBundle | undefined = ctx.bundle;
        if (!bundle) return;
        const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        if (!entry) return;
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const seen = new Set<string>([entry.fileName, ...entry.imports]);
        const order: OutputChunk[] = [];
        const walk = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          const chunk = byFile.get(file);
          if (!chunk) return;
          chunk.imports.forEach(walk);
          order.push(chunk);
        };
        entry.dynamicImports.forEach(walk);
        const tags: HtmlTagDescriptor[] = [];
        for (const chunk of order) {
          const css = (chunk as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata;
          for (const file of css?.importedCss ?? []) {
            tags.push({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: true, href: base + file },
              injectTo: 'head',
            });
          }
          tags.push({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: base + chunk.fileName },
            injectTo: 'head',
          });
        }
        return tags;
      },
    },
  };
}

export default defineConfig({
  define: {
    'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version),
  },
  plugins: [
    preact(),
    appShell(),
    bootPreload(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'service-worker',
      filename: 'sw.ts',
      // The page decides when the new worker takes over (src/pwa/), so unsent edits survive.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'robots.txt', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Quartier-Wegweiser',
        short_name: 'Wegweiser',
        description: 'Angebote, Sprechstunden und Ansprechpersonen im Quartier – auch ohne Netz.',
        lang: 'de',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOR,
        background_color: '#ffffff',
        categories: ['social', 'government', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html}'],
        buildPlugins: { vite: [singleFileWorker()] },
      },
      devOptions: { enabled: false },
    }),
  ],
  // The data worker is a module worker (src/worker/client.ts): its chunks share code with
  // the page's lazy chunks instead of being one inlined classic script.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // bench/budget.ts reads the chunk graph from here.
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
