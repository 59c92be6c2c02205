/**
 * What the sender writes on a courier manifest for each case in the package: the manifest it
 * travels under, the manifest's number as printed, and the courier it is handed to.
 */
export interface ConsignmentNote {
  readonly manifest: string;
  readonly number: string;
  readonly courier: string;
}

/**
 * A case's documents (or result) in a courier's custody between two offices: handed over at one,
 * confirmed received at the other. Until `receivedAt` nobody at either office holds the paper.
 */
export interface Consignment extends ConsignmentNote {
  readonly fromOffice: string;
  readonly toOffice: string;
  readonly dispatchedAt: number;
  readonly dispatchedBy: string;
  readonly receivedAt?: number;
  readonly receivedBy?: string;
}
