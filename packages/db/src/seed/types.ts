export type SeedLog = (msg: string) => void;
