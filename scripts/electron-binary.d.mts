export declare function findElectronBinary(): { path: string | null; reason: string }
