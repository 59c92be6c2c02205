import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import type { HandbookGraph, HandbookNode } from './handbook-graph.js';
import type { Bounds, HandbookLayout } from './handbook-layout.js';

/**
 * Writes a handbook as BPMN 2.0 XML with bpmn-moddle: a collaboration of participants, each with
 * its process, lanes, flow nodes (tasks carrying their documentation), sequence flows, message
 * flows between pools, and the diagram interchange of the layout.
 */
export async function writeBpmn(graph: HandbookGraph, layout: HandbookLayout): Promise<string> {
  const moddle = new BpmnModdle();
  const elements = new Map<string, ModdleElement>();
  const processes: ModdleElement[] = [];
  const participants: ModdleElement[] = [];
  for (const pool of graph.pools) {
    const nodesOfPool = graph.nodes.filter((n) => n.poolId === pool.id);
    if (nodesOfPool.length === 0) {
      // Nobody of the organisation acts in this variant: a pool without a process.
      const participant = moddle.create('bpmn:Participant', { id: pool.id, name: pool.name });
      elements.set(pool.id, participant);
      participants.push(participant);
      continue;
    }
    const flowElements: ModdleElement[] = [];
    for (const n of nodesOfPool) {
      const el = moddle.create(ELEMENT_TYPES[n.type], { id: n.id, name: n.name });
      if (MESSAGE_EVENTS.has(n.type)) el.eventDefinitions = [moddle.create('bpmn:MessageEventDefinition', { id: `${n.id}_message` })];
      if (n.documentation) el.documentation = [moddle.create('bpmn:Documentation', { text: n.documentation })];
      elements.set(n.id, el);
      flowElements.push(el);
    }
    for (const f of graph.flows.filter((g) => nodesOfPool.some((n) => n.id === g.source))) {
      const source = elements.get(f.source)!;
      const target = elements.get(f.target)!;
      const el = moddle.create('bpmn:SequenceFlow', {
        id: f.id,
        sourceRef: source,
        targetRef: target,
        ...(f.name ? { name: f.name } : {}),
        ...(f.condition ? { conditionExpression: moddle.create('bpmn:FormalExpression', { body: f.condition }) } : {}),
      });
      (source.outgoing ??= []).push(el);
      (target.incoming ??= []).push(el);
      elements.set(f.id, el);
      flowElements.push(el);
    }
    const lanes = pool.lanes.map((lane) => {
      const el = moddle.create('bpmn:Lane', {
        id: lane.id,
        name: lane.name,
        flowNodeRef: nodesOfPool.filter((n) => n.laneId === lane.id).map((n) => elements.get(n.id)!),
      });
      elements.set(lane.id, el);
      return el;
    });
    const process = moddle.create('bpmn:Process', {
      id: pool.processId,
      isExecutable: false,
      laneSets: [moddle.create('bpmn:LaneSet', { id: `${pool.processId}_lanes`, lanes })],
      flowElements,
    });
    processes.push(process);
    const participant = moddle.create('bpmn:Participant', { id: pool.id, name: pool.name, processRef: process });
    elements.set(pool.id, participant);
    participants.push(participant);
  }
  const messageFlows = graph.messageFlows.map((f) => {
    const el = moddle.create('bpmn:MessageFlow', { id: f.id, sourceRef: elements.get(f.source)!, targetRef: elements.get(f.target)! });
    elements.set(f.id, el);
    return el;
  });
  const collaboration = moddle.create('bpmn:Collaboration', { id: `Collaboration_${graph.id}`, name: graph.name, participants, messageFlows });

  const bounds = (b: Bounds) => moddle.create('dc:Bounds', { x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) });
  const planeElements: ModdleElement[] = [];
  for (const [id, b] of layout.shapes) {
    const label = layout.labels.get(id);
    planeElements.push(
      moddle.create('bpmndi:BPMNShape', {
        id: `${id}_di`,
        bpmnElement: elements.get(id)!,
        bounds: bounds(b),
        ...(id.startsWith('Participant_') || id.startsWith('Lane_') ? { isHorizontal: true } : {}),
        ...(elements.get(id)!.$type === 'bpmn:ExclusiveGateway' ? { isMarkerVisible: true } : {}),
        ...(label ? { label: moddle.create('bpmndi:BPMNLabel', { bounds: bounds(label) }) } : {}),
      }),
    );
  }
  for (const [id, points] of layout.edges) {
    const label = layout.labels.get(id);
    planeElements.push(
      moddle.create('bpmndi:BPMNEdge', {
        id: `${id}_di`,
        bpmnElement: elements.get(id)!,
        waypoint: points.map((p) => moddle.create('dc:Point', { x: round(p.x), y: round(p.y) })),
        ...(label ? { label: moddle.create('bpmndi:BPMNLabel', { bounds: bounds(label) }) } : {}),
      }),
    );
  }
  const diagram = moddle.create('bpmndi:BPMNDiagram', {
    id: `Diagram_${graph.id}`,
    name: graph.name,
    plane: moddle.create('bpmndi:BPMNPlane', { id: `Plane_${graph.id}`, bpmnElement: collaboration, planeElement: planeElements }),
  });
  const definitions = moddle.create('bpmn:Definitions', {
    id: `Definitions_${graph.id}`,
    name: graph.name,
    targetNamespace: `urn:reglament:handbook:${graph.id}`,
    exporter: 'reglament',
    exporterVersion: '1',
    rootElements: [collaboration, ...processes],
    diagrams: [diagram],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The BPMN element of each node type. */
const ELEMENT_TYPES: Record<HandbookNode['type'], string> = {
  startEvent: 'bpmn:StartEvent',
  messageStartEvent: 'bpmn:StartEvent',
  task: 'bpmn:Task',
  exclusiveGateway: 'bpmn:ExclusiveGateway',
  eventBasedGateway: 'bpmn:EventBasedGateway',
  messageCatchEvent: 'bpmn:IntermediateCatchEvent',
  messageThrowEvent: 'bpmn:IntermediateThrowEvent',
  endEvent: 'bpmn:EndEvent',
  messageEndEvent: 'bpmn:EndEvent',
};
const MESSAGE_EVENTS: ReadonlySet<HandbookNode['type']> = new Set(['messageStartEvent', 'messageCatchEvent', 'messageThrowEvent', 'messageEndEvent']);
