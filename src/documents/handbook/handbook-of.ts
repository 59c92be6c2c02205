import { BpmnModdle } from 'bpmn-moddle';
import type { TLanguage, TRegulation, TText } from '../../core/regulation/schema.js';
import { ok, type Result } from '../../core/result.js';
import { handbookGraph } from './handbook-graph.js';
import { layoutHandbook } from './handbook-layout.js';
import { renderBpmnSvg } from './render-bpmn-svg.js';
import { writeBpmn } from './write-bpmn.js';

/** A regulation's business-process handbook: BPMN 2.0 XML and its drawing. */
export interface Handbook {
  readonly bpmnXml: string;
  readonly svg: string;
}

/**
 * The business-process handbook of a regulation (and variant, when it has variants), in Kazakh by
 * default: the BPMN 2.0 XML with its diagram interchange, and an SVG drawn from that interchange
 * after reading the XML back, so the drawing shows exactly what a BPMN tool opens.
 */
export async function handbookOf(regulation: TRegulation, variant?: string, lang: TLanguage = 'kk'): Promise<Result<Handbook, TText>> {
  const graph = handbookGraph(regulation, variant, lang);
  if (!graph.ok) return graph;
  const bpmnXml = await writeBpmn(graph.value, layoutHandbook(graph.value));
  const read = await new BpmnModdle().fromXML(bpmnXml);
  // The XML is our own: a warning reading it back is a bug, not a user's mistake.
  if (read.warnings.length > 0) throw new Error(`handbook ${graph.value.id}: ${read.warnings.map((w) => w.message).join('; ')}`);
  return ok({ bpmnXml, svg: renderBpmnSvg(read.rootElement) });
}
