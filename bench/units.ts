/** How the bench prints sizes and times: binary units, and seconds without decimals from 10 s on. */
const KiB = 1024;
const MiB = 2 ** 20;
const GiB = 2 ** 30;

export const formatBytes = (bytes: number): string =>
  bytes >= GiB ? `${(bytes / GiB).toFixed(2)} GiB` : bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${(bytes / KiB).toFixed(1)} KiB`;
export const formatMs = (ms: number | null): string => (ms === null ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
