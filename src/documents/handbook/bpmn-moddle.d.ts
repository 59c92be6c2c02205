// The slice of bpmn-moddle the handbook uses; the package ships no declaration for its entry point.
declare module 'bpmn-moddle' {
  /** A BPMN model element: its type name, its properties and references to other elements. */
  export interface ModdleElement {
    readonly $type: string;
    id?: string;
    name?: string;
    [property: string]: any;
  }

  /** What reading BPMN XML yields; `warnings` lists what the reader could not make sense of. */
  export interface ParseResult {
    readonly rootElement: ModdleElement;
    readonly warnings: readonly { readonly message: string }[];
    readonly elementsById: Record<string, ModdleElement>;
  }

  /** Reads and writes BPMN 2.0 XML as model elements. */
  export class BpmnModdle {
    create(type: string, properties?: Record<string, unknown>): ModdleElement;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
}
