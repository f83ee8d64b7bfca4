import type { Claim, ProjectSnapshot } from '../model.js';
import { stringifyJsonLd } from './jsonLd.js';
import { reportChecks } from './howWeChecked.js';
import { safeHttpUrl } from './reportModel.js';
import { indexSnapshot, usableAppearances, type SnapshotIndex } from './snapshotIndex.js';

/** Who publishes the fact checks, and the page the reviews live on (each review's url is an anchor in it). */
export interface ClaimReviewOptions {
  organisation: { name: string; url?: string };
  /** The published report's URL; defaults to the organisation's URL. Google requires a url on every review. */
  reportUrl?: string;
  /** Only these claims (still only checked or published ones with a verdict). */
  claimIds?: string[];
}

type JsonLd = Record<string, unknown>;

/** schema.org ClaimReview JSON-LD for one claim. */
export interface ClaimReviewJsonLd extends JsonLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  reviewRating: JsonLd;
  itemReviewed: JsonLd;
  author: JsonLd;
  datePublished: string;
}

function appearancesOf(index: SnapshotIndex, claim: Claim): JsonLd[] {
  const seen = new Set<string>();
  const works: JsonLd[] = [];
  for (const a of usableAppearances(index, claim.id)) {
    if (seen.has(a.documentId)) continue;
    seen.add(a.documentId);
    const doc = index.documents.get(a.documentId);
    if (!doc) continue;
    const debate = index.debates.get(doc.debateId);
    const url = safeHttpUrl(doc.metadata?.url);
    works.push({
      '@type': 'CreativeWork',
      name: doc.title,
      ...(url ? { url } : {}),
      ...(debate?.date ? { datePublished: debate.date } : {}),
    });
  }
  return works;
}

/**
 * One ClaimReview per checked or published claim that has a verdict. Rated scales give a numeric rating (steps
 * numbered from the least true, 1, to the most true), conclusion-only scales give only the textual verdict.
 */
export function claimReviews(snapshot: ProjectSnapshot, options: ClaimReviewOptions): ClaimReviewJsonLd[] {
  const base = safeHttpUrl(options.reportUrl) ?? safeHttpUrl(options.organisation.url);
  if (!base) throw new Error('ClaimReview needs the URL where the fact checks are published: set the organisation URL.');
  const index = indexSnapshot(snapshot);
  const wanted = options.claimIds ? new Set(options.claimIds) : undefined;
  const orgUrl = safeHttpUrl(options.organisation.url);
  const author = { '@type': 'Organization', name: options.organisation.name, ...(orgUrl ? { url: orgUrl } : {}) };
  const reviews: ClaimReviewJsonLd[] = [];
  for (const claim of snapshot.claims) {
    if (claim.status !== 'checked' && claim.status !== 'published') continue;
    if (wanted && !wanted.has(claim.id)) continue;
    const verdict = index.verdictByClaim.get(claim.id);
    if (!verdict) continue;
    const scale = index.scales.get(verdict.scaleId);
    const ordered = scale?.kind === 'rated' ? [...scale.steps].sort((a, b) => a.value - b.value) : [];
    const position = ordered.findIndex((s) => s.id === verdict.stepId);
    const step = ordered[position];
    const label = step?.label ?? verdict.conclusion;
    const rating: JsonLd = {
      '@type': 'Rating',
      alternateName: label,
      name: label,
      ...(step ? { ratingValue: position + 1, bestRating: ordered.length, worstRating: 1 } : {}),
      ...(verdict.reasoning ? { ratingExplanation: verdict.reasoning } : {}),
    };
    const claimant = claim.claimantId ? index.people.get(claim.claimantId) : undefined;
    const appearances = appearancesOf(index, claim);
    const item: JsonLd = {
      '@type': 'Claim',
      ...(claimant ? { author: { '@type': 'Person', name: claimant.name } } : {}),
      ...(claim.date ? { datePublished: claim.date } : {}),
      ...(appearances.length ? { appearance: appearances, firstAppearance: appearances[0] } : {}),
    };
    // The review text carries how the figure was checked: each computation over a table, as a sentence.
    const checks = reportChecks(index.evidenceByClaim.get(claim.id) ?? [], index.sources);
    const reviewBody = checks.length
      ? [verdict.reasoning, `How we checked: ${checks.map((c) => `${c.sentence.replace(/\.$/, '')}.${c.claimed ? ` Claimed ${c.claimed}; computed ${c.result}.` : ''}`).join(' ')}`].filter(Boolean).join(' ')
      : undefined;
    reviews.push({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${base.split('#')[0]}#claim-${encodeURIComponent(claim.id)}`,
      claimReviewed: claim.text,
      reviewRating: rating,
      itemReviewed: item,
      author,
      datePublished: verdict.updatedAt.slice(0, 10),
      ...(reviewBody ? { reviewBody } : {}),
    });
  }
  return reviews;
}

/** The reviews as a JSON document: an array of JSON-LD objects, ready for a `<script type="application/ld+json">`. */
export function claimReviewsJson(snapshot: ProjectSnapshot, options: ClaimReviewOptions): string {
  return stringifyJsonLd(claimReviews(snapshot, options));
}
