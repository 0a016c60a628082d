/** The classes of data that retention rules and legal holds apply to. */
export enum DataClass {
  Transcripts = 'transcripts',
  CustomerProfiles = 'customer-profiles',
  Audit = 'audit',
}

export const allDataClasses: readonly DataClass[] = Object.values(DataClass);
