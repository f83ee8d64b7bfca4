import { beforeEach, describe, expect, it } from 'vitest';
import { createInitialReportBuilderState, useReportBuilder } from '../../../../../renderer/features/reports/reportBuilderStore.js';

describe('the report builder state', () => {
  beforeEach(() => useReportBuilder.setState(createInitialReportBuilderState()));

  it('starts with every section, APA, and no narrowing', () => {
    const s = useReportBuilder.getState();
    expect(s.sections).toEqual(['summary', 'verdict-breakdown', 'comparison', 'excerpts', 'claim-cards', 'bibliography']);
    expect(s.citationStyle).toBe('apa');
    expect(s.filter).toEqual({ speakerIds: [], topicIds: [], verdictStepIds: [], statuses: [] });
  });

  it('keeps sections in report order whatever order they are ticked in', () => {
    const { toggle } = useReportBuilder.getState();
    toggle('sections', 'summary', false);
    toggle('sections', 'comparison', false);
    toggle('sections', 'summary', true);
    expect(useReportBuilder.getState().sections).toEqual(['summary', 'verdict-breakdown', 'excerpts', 'claim-cards', 'bibliography']);
  });

  it('adds and removes filter values once each, and resets', () => {
    const { toggle, reset } = useReportBuilder.getState();
    toggle('speakerIds', 'p1', true);
    toggle('speakerIds', 'p1', true);
    toggle('statuses', 'checked', true);
    toggle('documentIds', 'd1', true);
    expect(useReportBuilder.getState().filter.speakerIds).toEqual(['p1']);
    expect(useReportBuilder.getState().filter.statuses).toEqual(['checked']);
    expect(useReportBuilder.getState().documentIds).toEqual(['d1']);
    toggle('speakerIds', 'p1', false);
    expect(useReportBuilder.getState().filter.speakerIds).toEqual([]);
    reset();
    expect(useReportBuilder.getState()).toMatchObject(createInitialReportBuilderState());
  });
});
