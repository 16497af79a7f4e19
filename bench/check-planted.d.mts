// Types for check-planted.mjs (imported by the integration tests).
export interface PlantedCheck {
  ok: boolean;
  planted: number;
  found: number;
  missing: string[];
  wrongCommit: string[];
  wrongInHead: string[];
  unexpected: number;
  decoys: number;
}
export function checkPlanted(report: unknown, planted: unknown): PlantedCheck;
