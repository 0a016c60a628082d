/** The personal fields of a customer profile, each stored encrypted and shown masked unless revealed. */
export type ProfileField = 'name' | 'phone' | 'idNumber';
