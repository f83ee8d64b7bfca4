import { describeLocator } from '../../../shared/domain/sources.js';
import type { EvidenceLink } from '../../../shared/model.js';

/** Where in the source, which edition and year the figure is from, the excerpt and the note: the same wherever a link is listed. */
export function EvidenceDetails(props: { link: EvidenceLink }) {
  const { link } = props;
  const locator = describeLocator(link.locator);
  return (
    <>
      {locator && <div className="muted small">{locator}</div>}
      {(link.edition || link.figureYear) && <div className="small">{[link.edition, link.figureYear && `figure for ${link.figureYear}`].filter(Boolean).join(' · ')}</div>}
      {link.excerpt && <blockquote className="excerpt">{link.excerpt}</blockquote>}
      {link.note && <p className="small pre-wrap">{link.note}</p>}
    </>
  );
}
