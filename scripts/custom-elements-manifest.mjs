#!/usr/bin/env node
/**
 * Generates custom-elements.json (the Custom Elements Manifest, schema 2.1.0) from the
 * element's source, so the manifest cannot drift from the code: attributes, events, CSS
 * parts and custom properties come from the class's JSDoc tags (@attr, @event, @csspart,
 * @cssproperty), members and event types from the TypeScript AST, custom-property
 * defaults from the `:host` rule of styles.ts. No dependency beyond TypeScript.
 *
 *   node scripts/custom-elements-manifest.mjs          write custom-elements.json
 *   node scripts/custom-elements-manifest.mjs --check  exit 1 if the file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const SOURCE = 'src/element/index.ts';
const source = ts.createSourceFile(SOURCE, read(SOURCE), ts.ScriptTarget.ES2022, true);

/** Attribute name → property that reflects it. */
const FIELD_OF_ATTRIBUTE = { src: 'src', recipient: 'recipient', verify: 'verifyMode', layout: 'layout', lang: 'lang' };

function jsDocText(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs.at(-1);
  if (!doc) return { description: '', full: '' };
  const description = typeof doc.comment === 'string' ? doc.comment : (doc.comment ?? []).map((c) => c.text).join('');
  return { description: description.replace(/\s+/g, ' ').trim(), full: doc.getText() };
}

function tags(full, name) {
  // Several tags may share a line ("@csspart a - x. @csspart b - y."), so scan the whole comment.
  const text = full.replace(/^\s*\/?\*+\/?/gm, ' ').replace(/\s+/g, ' ');
  const re = new RegExp(`@${name}\\s+(\\S+)\\s+-\\s+([^@]*)`, 'g');
  return [...text.matchAll(re)].map((m) => ({ name: m[1], description: m[2].trim().replace(/\s*\*\/$/, '') }));
}

const klass = source.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === 'VerifyBadgeElement');
if (!klass) throw new Error(`no VerifyBadgeElement class in ${SOURCE}`);
const classDoc = jsDocText(klass);

// Event detail types, from `declare global { interface GlobalEventHandlersEventMap { ... } }`.
const eventTypes = {};
source.forEachChild(function visit(node) {
  if (ts.isInterfaceDeclaration(node) && node.name.text === 'GlobalEventHandlersEventMap') {
    for (const m of node.members) if (ts.isPropertySignature(m) && m.type) eventTypes[m.name.text] = m.type.getText(source);
  }
  node.forEachChild(visit);
});

const members = [];
const seen = new Set();
for (const member of klass.members) {
  const name = member.name && ts.isIdentifier(member.name) ? member.name.text : null;
  if (name === null || name === 'constructor') continue;
  const modifiers = ts.getModifiers(member) ?? [];
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword)) continue;
  if (/Callback$/.test(name)) continue; // lifecycle callbacks are not API
  const isStatic = modifiers.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
  const { description } = jsDocText(member);
  if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
    if (seen.has(name)) continue;
    seen.add(name);
    const getter = klass.members.find((m) => ts.isGetAccessorDeclaration(m) && m.name.getText(source) === name);
    const setter = klass.members.find((m) => ts.isSetAccessorDeclaration(m) && m.name.getText(source) === name);
    const entry = { kind: 'field', name, privacy: 'public', type: { text: getter?.type?.getText(source) ?? 'unknown' }, description: jsDocText(getter ?? member).description };
    if (!setter) entry.readonly = true;
    const attribute = Object.entries(FIELD_OF_ATTRIBUTE).find(([, field]) => field === name)?.[0];
    if (attribute) entry.attribute = attribute;
    members.push(entry);
  } else if (ts.isMethodDeclaration(member)) {
    const entry = {
      kind: 'method',
      name,
      privacy: 'public',
      description,
      parameters: member.parameters.map((p) => ({ name: p.name.getText(source), optional: Boolean(p.questionToken || p.initializer), type: { text: p.type?.getText(source) ?? 'unknown' } })),
      return: { type: { text: member.type?.getText(source) ?? 'void' } },
    };
    if (isStatic) entry.static = true;
    members.push(entry);
  } else if (ts.isPropertyDeclaration(member)) {
    const entry = { kind: 'field', name, privacy: 'public', type: { text: member.type?.getText(source) ?? 'string[]' }, description };
    if (isStatic) entry.static = true;
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword)) entry.readonly = true;
    members.push(entry);
  }
}

// Defaults of the custom properties: the light-scheme values on :host.
const styles = read('src/element/styles.ts');
const hostRule = styles.slice(styles.indexOf(':host{'), styles.indexOf('}', styles.indexOf(':host{')));
const defaults = Object.fromEntries([...hostRule.matchAll(/(--verify-badge-[\w-]+):([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
const cssProperties = Object.keys(defaults).map((name) => {
  const documented = tags(classDoc.full, 'cssproperty').find((t) => t.name === name);
  const pair = name.match(/^(--verify-badge-\w+)-bg$/);
  const description = documented?.description ?? (pair ? `Background of the status box (pairs with ${pair[1]}-fg).` : '');
  return { name, description, default: defaults[name] };
});
const undocumented = cssProperties.filter((p) => p.description === '').map((p) => p.name);
if (undocumented.length) throw new Error(`custom properties without @cssproperty: ${undocumented.join(', ')}`);

const manifest = {
  schemaVersion: '2.1.0',
  readme: 'README.md',
  modules: [
    {
      kind: 'javascript-module',
      path: 'dist/element/index.js',
      declarations: [
        {
          kind: 'class',
          name: 'VerifyBadgeElement',
          tagName: 'verify-badge',
          customElement: true,
          description: classDoc.description,
          superclass: { name: 'HTMLElement' },
          attributes: tags(classDoc.full, 'attr').map((t) => ({ name: t.name, description: t.description, fieldName: FIELD_OF_ATTRIBUTE[t.name] })),
          members,
          events: tags(classDoc.full, 'event').map((t) => ({ name: t.name, type: { text: eventTypes[t.name] ?? 'CustomEvent' }, description: t.description })),
          cssParts: tags(classDoc.full, 'csspart'),
          cssProperties,
        },
      ],
      exports: [{ kind: 'js', name: 'VerifyBadgeElement', declaration: { name: 'VerifyBadgeElement', module: 'dist/element/index.js' } }],
    },
    {
      kind: 'javascript-module',
      path: 'dist/element/define.js',
      declarations: [],
      exports: [
        { kind: 'custom-element-definition', name: 'verify-badge', declaration: { name: 'VerifyBadgeElement', module: 'dist/element/index.js' } },
        { kind: 'js', name: 'VerifyBadgeElement', declaration: { name: 'VerifyBadgeElement', module: 'dist/element/index.js' } },
      ],
    },
    {
      kind: 'javascript-module',
      path: 'dist/verify-badge.global.js',
      declarations: [],
      exports: [{ kind: 'custom-element-definition', name: 'verify-badge', declaration: { name: 'VerifyBadgeElement', module: 'dist/element/index.js' } }],
    },
  ],
};

const text = `${JSON.stringify(manifest, null, 2)}\n`;
const target = new URL('custom-elements.json', root);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('custom-elements.json is out of date: run node scripts/custom-elements-manifest.mjs');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote custom-elements.json (${members.length} members, ${manifest.modules[0].declarations[0].cssParts.length} parts, ${cssProperties.length} custom properties)`);
}
