// Every query the catalog sends: the registry's public GraphQL API, nothing else.

export const SEARCH = `query Search($query: String, $filter: SearchFilter, $sort: SearchSort!, $first: Int!, $after: String) {
  search(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    correctedQuery
    pageInfo { hasNextPage endCursor }
    edges {
      node { id title domain description owner { team email } status slaStatus consumerCount latestVersion tier classification tags }
      match { sections highlights { section fragments { text matched } } fields { port path } }
    }
    facets(limit: 12) {
      domain { value count } tag { value count } owner { value count } classification { value count }
      status { value count } tier { value count } slaStatus { value count }
    }
  }
}`;

const CHANGE = 'code path message breaking against counterexample validUnder';

export const PRODUCT = `query Product($id: String!) {
  product(id: $id) {
    id name domain title description owner { team email } tags classification tier status slaStatus latestVersion consumerCount
    majorLines { major state sunset reason consumers { product port range ownerTeam } }
    versions {
      version publishedAt publishedBy
      compatibility {
        requiredBump breakingChanges
        ports { port mode compatible requiredBump against changes { ${CHANGE} } }
        descriptor { against changes { code path message bump } }
      }
      governance { passed results { policy title scope severity status message findings { message fix path } waiver { reason until } } }
    }
    version {
      version
      inputs { product port versionRange resolvedVersion }
      ports {
        name kind format location compatibility
        contract { hash schema }
        sla { freshness availability completeness }
        quality { rule field fields min max maxAge pattern ref values severity }
        slaStatus { status evaluatedAt reasons { measure level message } window { duration } }
        slaHistory(last: 48) { time availability completeness rowCount }
      }
    }
  }
}`;

export const CONSUMERS = `query Consumers($port: String!) {
  consumers(port: $port) { product port versionRange resolvedVersion major fieldsRead owner { team email } }
}`;

export const LINEAGE = `query Lineage($id: String!, $direction: LineageDirection!, $depth: Int, $fieldLevel: Boolean!) {
  lineage(id: $id, direction: $direction, depth: $depth, fieldLevel: $fieldLevel) {
    root depth budget truncated
    nodes { id kind level product port field location ownerTeam version }
    edges { from to kind versionRange }
  }
  lineageDrift { product observed declaredNotObserved observedNotDeclared { input } }
}`;

export const PORT_CONTRACT = `query PortContract($id: String!) {
  product(id: $id) { id title latestVersion version { version ports { name compatibility contract { schema } } } }
}`;

export const IMPACT = `query Impact($port: String!, $schema: JSON!, $version: String) {
  impact(port: $port, schema: $schema, version: $version) {
    port against proposedVersion mode compatible requiredBump truncated
    changes { code path message field affected counterexample validUnder }
    consumers { product owner { team email } depth certain versionRange reads fields changes }
    unaffected { product versionRange reason message }
  }
}`;

export const DOMAINS = `query Domains {
  domains { name title description owner { team email } }
  search(first: 1) { totalCount facets(limit: 200) { domain { value count } } }
  policies { id title description scope severity rule }
}`;

export const EXTERNAL_CONSUMERS = `query ExternalConsumers($domain: String) {
  externalConsumers(domain: $domain) {
    id domain kind name description owner { team email } createdBy createdAt updatedAt
    reads { port versionRange resolvedVersion fields expires expired }
  }
}`;
