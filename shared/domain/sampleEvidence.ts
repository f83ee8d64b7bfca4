import type { Source } from '../model.js';
import { sampleEvidence, sampleSources, type SampleSourceKey } from '../sources/sampleSources.js';
import type { SampleContext } from './sampleContext.js';
import { attachFile, createSource, linkEvidence, mediaTypeFor } from './sources.js';
import type { Store } from './store.js';

/**
 * The sample's sources and evidence links, made through the same operations the sources section uses: the NATO
 * sources are created, the 2024 CSV is stored in the vault and attached, and the seed claim is linked to both with
 * locators, edition, year and the note on why the two editions disagree.
 */
export async function addSampleEvidence(store: Store, context: SampleContext): Promise<void> {
  const sources = new Map<SampleSourceKey, Source>();
  for (const sample of sampleSources()) {
    let source = await createSource(store, sample.source);
    if (sample.attachmentFile) {
      const file = context.files.find((f) => f.name === sample.attachmentFile);
      if (!file) throw new Error(`The sample file ${sample.attachmentFile} is missing from this installation.`);
      const { hash } = await context.storeFile(file.bytes);
      source = await attachFile(store, source.id, { hash, name: file.name, mediaType: mediaTypeFor(file.name), size: file.bytes.byteLength });
    }
    sources.set(sample.key, source);
  }
  context.sources = sources;
  const claims = [...context.claims.values()];
  for (const evidence of sampleEvidence()) {
    const claim = claims.find((c) => c.claim.text === evidence.claimQuote || c.appearance.anchor.quote.exact === evidence.claimQuote)?.claim;
    if (!claim) throw new Error(`The sample has no claim “${evidence.claimQuote}”.`);
    const source = sources.get(evidence.sourceKey)!;
    const attachment = source.attachments[0];
    const locator = attachment ? { ...evidence.link.locator, attachmentHash: attachment.hash } : evidence.link.locator;
    await linkEvidence(store, claim.id, source.id, { ...evidence.link, locator });
  }
}
