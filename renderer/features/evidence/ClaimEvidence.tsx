/** The evidence linked to a claim, shown in the claim panel (the sources feature fills this in). */
export function ClaimEvidence(_props: { claimId: string }) {
  return null;
}
