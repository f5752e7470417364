import { schemaRef } from "./component-schemas";
import { curlSample } from "./curl-sample";
import { ERROR_CODE_MEANINGS } from "./error-codes";
import { RETRY_AFTER_HEADER } from "./error-responses";
import { HEALTHY_EXAMPLE, UNHEALTHY_EXAMPLE } from "./examples";
import type { OperationObject } from "./openapi-types";

export function healthOperation(): OperationObject {
  return {
    operationId: "getHealth",
    summary: "Check that the API can store readings",
    description:
      "Checks Kafka, HDFS and PostgreSQL in parallel, each with a timeout, and says how each answered. " +
      "Needs no token; never cached. Load balancers and watches may use it before sending a backlog.",
    tags: ["Health"],
    security: [],
    responses: {
      "200": {
        description: "Every dependency answered.",
        content: {
          "application/json": {
            schema: schemaRef("HealthReport"),
            examples: { healthy: { summary: "All up", value: HEALTHY_EXAMPLE } },
          },
        },
      },
      "503": {
        description: `Service unavailable.\n\n- \`DEPENDENCY_UNAVAILABLE\`: ${ERROR_CODE_MEANINGS.DEPENDENCY_UNAVAILABLE}`,
        headers: { "Retry-After": RETRY_AFTER_HEADER },
        content: {
          "application/json": {
            schema: schemaRef("HealthUnavailable"),
            examples: { DEPENDENCY_UNAVAILABLE: { summary: "Kafka is down", value: UNHEALTHY_EXAMPLE } },
          },
        },
        "x-error-codes": ["DEPENDENCY_UNAVAILABLE"],
      },
    },
    "x-codeSamples": [curlSample({ label: "curl", method: "get", path: "/api/health", authenticated: false })],
  };
}
