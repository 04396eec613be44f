/* Generated from contracts/schemas by scripts/generate-types.js. Do not edit: run `npm run generate -w @dmesh/contracts`. */

/**
 * A dmesh domain file (domain.yaml): name, description and owning team.
 */
export interface Domain {
  apiVersion: 'dmesh.io/v1';
  kind: 'Domain';
  name: string;
  title?: string;
  description: string;
  owner: {
    team: string;
    email: string;
  };
}
