/** The selected claim in the side panel (the claims feature fills this in). */
export function ClaimPanel(_props: { claimId: string }) {
  return null;
}
