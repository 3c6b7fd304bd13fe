/** One entry of the error catalog: the HTTP status it maps to and the message in both UI languages. */
export type ErrorEntry = Readonly<{ status: number; vi: string; en: string }>;
export type ErrorCatalog = Readonly<Record<string, ErrorEntry>>;
