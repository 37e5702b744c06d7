/// The OpenAPI 3.1 description of the whole API, served at `GET /openapi.json`.
enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "Tocsin API",
  "version": "1.0.0",
  "description": "Anomaly detection for cloud metrics and logs: ingest, live detection, analysis, incidents, alerts, silences and remediation, and the web dashboard that shows them.",
  "license": {
   "name": "MIT",
   "identifier": "MIT"
  }
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "components": {
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer"
   }
  },
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error"
    ],
    "properties": {
     "error": {
      "type": "object",
      "required": [
       "code",
       "message"
      ],
      "properties": {
       "code": {
        "type": "string"
       },
       "message": {
        "type": "string"
       },
       "field": {
        "type": [
         "string",
         "null"
        ]
       }
      }
     }
    }
   },
   "Timestamp": {
    "oneOf": [
     {
      "type": "string",
      "description": "ISO-8601 UTC, e.g. 2026-11-21T10:00:00Z"
     },
     {
      "type": "number",
      "description": "epoch seconds"
     }
    ]
   },
   "PointIn": {
    "type": "object",
    "required": [
     "series",
     "timestamp",
     "value"
    ],
    "properties": {
     "series": {
      "type": "string",
      "pattern": "^[a-zA-Z_:][a-zA-Z0-9_:]*$",
      "maxLength": 200
     },
     "labels": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "timestamp": {
      "$ref": "#/components/schemas/Timestamp"
     },
     "value": {
      "type": "number"
     }
    }
   },
   "PointBatch": {
    "type": "object",
    "required": [
     "points"
    ],
    "properties": {
     "points": {
      "type": "array",
      "minItems": 1,
      "items": {
       "$ref": "#/components/schemas/PointIn"
      }
     }
    }
   },
   "LogIn": {
    "type": "object",
    "required": [
     "timestamp",
     "service",
     "instance",
     "message"
    ],
    "properties": {
     "timestamp": {
      "$ref": "#/components/schemas/Timestamp"
     },
     "service": {
      "type": "string",
      "minLength": 1
     },
     "instance": {
      "type": "string",
      "minLength": 1
     },
     "level": {
      "type": "string",
      "enum": [
       "debug",
       "info",
       "warning",
       "error",
       "critical"
      ]
     },
     "message": {
      "type": "string"
     },
     "fields": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     }
    }
   },
   "LogBatch": {
    "type": "object",
    "required": [
     "logs"
    ],
    "properties": {
     "logs": {
      "type": "array",
      "minItems": 1,
      "items": {
       "$ref": "#/components/schemas/LogIn"
      }
     }
    }
   },
   "Accepted": {
    "type": "object",
    "required": [
     "accepted"
    ],
    "properties": {
     "accepted": {
      "type": "integer"
     },
     "new": {
      "type": [
       "integer",
       "null"
      ]
     }
    }
   },
   "SeriesKey": {
    "type": "object",
    "required": [
     "name",
     "labels"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "labels": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "name",
        "value"
       ],
       "properties": {
        "name": {
         "type": "string"
        },
        "value": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "Anomaly": {
    "type": "object",
    "required": [
     "series",
     "timestamp",
     "value",
     "score",
     "threshold",
     "detector"
    ],
    "properties": {
     "series": {
      "$ref": "#/components/schemas/SeriesKey"
     },
     "timestamp": {
      "type": "string"
     },
     "value": {
      "type": "number"
     },
     "score": {
      "type": "number"
     },
     "threshold": {
      "type": "number"
     },
     "detector": {
      "type": "string"
     }
    }
   },
   "SeriesAnalysis": {
    "type": "object",
    "required": [
     "id",
     "series",
     "detector",
     "timestamp",
     "value",
     "score",
     "threshold",
     "anomalous",
     "pointsSeen",
     "recentAnomalies"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "series": {
      "$ref": "#/components/schemas/SeriesKey"
     },
     "detector": {
      "type": "string"
     },
     "timestamp": {
      "type": "string"
     },
     "value": {
      "type": "number"
     },
     "score": {
      "type": "number"
     },
     "threshold": {
      "type": "number"
     },
     "anomalous": {
      "type": "boolean"
     },
     "pointsSeen": {
      "type": "integer"
     },
     "recentAnomalies": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Anomaly"
      }
     }
    }
   },
   "Analysis": {
    "type": "object",
    "required": [
     "generated",
     "series"
    ],
    "properties": {
     "generated": {
      "type": "string"
     },
     "series": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SeriesAnalysis"
      }
     }
    }
   },
   "SeriesList": {
    "type": "object",
    "required": [
     "series",
     "total",
     "offset"
    ],
    "properties": {
     "series": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "id",
        "name",
        "labels",
        "key",
        "created"
       ],
       "properties": {
        "id": {
         "type": "integer"
        },
        "name": {
         "type": "string"
        },
        "labels": {
         "type": "object",
         "additionalProperties": {
          "type": "string"
         }
        },
        "key": {
         "type": "string"
        },
        "created": {
         "type": "string"
        }
       }
      }
     },
     "total": {
      "type": "integer",
      "description": "Series matching, before paging"
     },
     "offset": {
      "type": "integer"
     }
    }
   },
   "Points": {
    "type": "object",
    "required": [
     "series",
     "key",
     "points",
     "total",
     "downsampled"
    ],
    "properties": {
     "series": {
      "type": "integer"
     },
     "key": {
      "type": "string"
     },
     "points": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "timestamp",
        "value"
       ],
       "properties": {
        "timestamp": {
         "type": "string"
        },
        "value": {
         "type": "number"
        },
        "score": {
         "type": [
          "number",
          "null"
         ]
        },
        "threshold": {
         "type": [
          "number",
          "null"
         ]
        }
       }
      }
     },
     "total": {
      "type": "integer",
      "description": "Points in the range read from the store, before downsampling"
     },
     "downsampled": {
      "type": "boolean",
      "description": "Whether `max` thinned the points"
     }
    }
   },
   "AnomalyItem": {
    "type": "object",
    "required": [
     "id",
     "series",
     "key",
     "timestamp",
     "value",
     "score",
     "threshold",
     "detector"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "series": {
      "type": "integer"
     },
     "key": {
      "type": "string"
     },
     "timestamp": {
      "type": "string"
     },
     "value": {
      "type": "number"
     },
     "score": {
      "type": "number"
     },
     "threshold": {
      "type": "number"
     },
     "detector": {
      "type": "string"
     },
     "incident": {
      "type": [
       "integer",
       "null"
      ]
     }
    }
   },
   "Anomalies": {
    "type": "object",
    "required": [
     "anomalies"
    ],
    "properties": {
     "anomalies": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AnomalyItem"
      }
     }
    }
   },
   "Incident": {
    "type": "object",
    "required": [
     "id",
     "scope",
     "start",
     "end",
     "anomalyCount",
     "maxScore",
     "series",
     "status"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "scope": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "start": {
      "type": "string"
     },
     "end": {
      "type": "string"
     },
     "anomalyCount": {
      "type": "integer"
     },
     "maxScore": {
      "type": "number"
     },
     "series": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SeriesKey"
      }
     },
     "status": {
      "type": "string",
      "enum": [
       "open",
       "resolved"
      ]
     }
    }
   },
   "Incidents": {
    "type": "object",
    "required": [
     "incidents"
    ],
    "properties": {
     "incidents": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Incident"
      }
     }
    }
   },
   "IncidentDetail": {
    "type": "object",
    "required": [
     "incident",
     "anomalies"
    ],
    "properties": {
     "incident": {
      "$ref": "#/components/schemas/Incident"
     },
     "anomalies": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AnomalyItem"
      }
     }
    }
   },
   "Status": {
    "type": "object",
    "required": [
     "status"
    ],
    "properties": {
     "status": {
      "type": "string"
     },
     "backlog": {
      "type": [
       "integer",
       "null"
      ]
     }
    }
   },
   "AlertItem": {
    "type": "object",
    "required": [
     "fingerprint",
     "status",
     "severity",
     "labels",
     "annotations",
     "startsAt",
     "acknowledged",
     "held"
    ],
    "properties": {
     "fingerprint": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "firing",
       "resolved"
      ]
     },
     "severity": {
      "type": "string",
      "enum": [
       "info",
       "warning",
       "critical"
      ]
     },
     "labels": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "annotations": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "startsAt": {
      "$ref": "#/components/schemas/Timestamp"
     },
     "endsAt": {
      "$ref": "#/components/schemas/Timestamp"
     },
     "acknowledged": {
      "type": "boolean"
     },
     "held": {
      "type": "boolean",
      "description": "held back as flapping"
     }
    }
   },
   "Alerts": {
    "type": "object",
    "required": [
     "alerts"
    ],
    "properties": {
     "alerts": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AlertItem"
      }
     }
    }
   },
   "Acknowledged": {
    "type": "object",
    "required": [
     "fingerprint",
     "acknowledged"
    ],
    "properties": {
     "fingerprint": {
      "type": "string"
     },
     "acknowledged": {
      "type": "boolean"
     }
    }
   },
   "SilenceIn": {
    "type": "object",
    "required": [
     "matchers",
     "createdBy",
     "comment"
    ],
    "properties": {
     "matchers": {
      "type": "array",
      "minItems": 1,
      "items": {
       "type": "object",
       "required": [
        "name",
        "value"
       ],
       "properties": {
        "name": {
         "type": "string"
        },
        "value": {
         "type": "string"
        },
        "isRegex": {
         "type": "boolean"
        },
        "isEqual": {
         "type": "boolean"
        }
       }
      }
     },
     "startsAt": {
      "type": "string",
      "description": "ISO-8601 UTC or epoch seconds; default now"
     },
     "endsAt": {
      "type": "string",
      "description": "ISO-8601 UTC or epoch seconds"
     },
     "duration": {
      "type": "number",
      "exclusiveMinimum": 0,
      "description": "seconds, when endsAt is not given"
     },
     "createdBy": {
      "type": "string"
     },
     "comment": {
      "type": "string"
     }
    }
   },
   "Silence": {
    "type": "object",
    "required": [
     "id",
     "matchers",
     "startsAt",
     "endsAt",
     "createdBy",
     "comment",
     "state"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "matchers": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "startsAt": {
      "$ref": "#/components/schemas/Timestamp"
     },
     "endsAt": {
      "$ref": "#/components/schemas/Timestamp"
     },
     "createdBy": {
      "type": "string"
     },
     "comment": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "enum": [
       "pending",
       "active",
       "expired"
      ]
     }
    }
   },
   "Silences": {
    "type": "object",
    "required": [
     "silences"
    ],
    "properties": {
     "silences": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Silence"
      }
     }
    }
   },
   "Expired": {
    "type": "object",
    "required": [
     "id",
     "expired"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "expired": {
      "type": "boolean"
     }
    }
   },
   "Action": {
    "type": "object",
    "required": [
     "id",
     "policy",
     "kind",
     "target",
     "status",
     "created",
     "updated",
     "detail"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "policy": {
      "type": "string"
     },
     "kind": {
      "type": "string"
     },
     "target": {
      "type": "string"
     },
     "series": {
      "$ref": "#/components/schemas/SeriesKey"
     },
     "incident": {
      "type": "integer"
     },
     "status": {
      "type": "string",
      "enum": [
       "simulated",
       "awaiting_approval",
       "approved",
       "skipped",
       "executed",
       "failed",
       "recovered",
       "not_recovered"
      ]
     },
     "created": {
      "$ref": "#/components/schemas/Timestamp"
     },
     "updated": {
      "$ref": "#/components/schemas/Timestamp"
     },
     "detail": {
      "type": "string"
     }
    }
   },
   "AuditEntry": {
    "type": "object",
    "required": [
     "id",
     "action",
     "at",
     "event",
     "detail"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "action": {
      "type": "integer"
     },
     "at": {
      "$ref": "#/components/schemas/Timestamp"
     },
     "event": {
      "type": "string"
     },
     "detail": {
      "type": "string"
     }
    }
   },
   "Actions": {
    "type": "object",
    "required": [
     "actions"
    ],
    "properties": {
     "actions": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "action",
        "audit"
       ],
       "properties": {
        "action": {
         "$ref": "#/components/schemas/Action"
        },
        "audit": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/AuditEntry"
         }
        }
       }
      }
     }
    }
   },
   "Approval": {
    "type": "object",
    "properties": {
     "by": {
      "type": "string"
     }
    }
   },
   "Notifications": {
    "type": "object",
    "required": [
     "notifications"
    ],
    "properties": {
     "notifications": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "id",
        "sink",
        "status",
        "attempts",
        "created",
        "updated"
       ],
       "properties": {
        "id": {
         "type": "integer"
        },
        "sink": {
         "type": "string"
        },
        "status": {
         "type": "string",
         "enum": [
          "pending",
          "delivered",
          "failed"
         ]
        },
        "attempts": {
         "type": "integer"
        },
        "created": {
         "$ref": "#/components/schemas/Timestamp"
        },
        "updated": {
         "$ref": "#/components/schemas/Timestamp"
        },
        "lastError": {
         "type": [
          "string",
          "null"
         ]
        }
       }
      }
     }
    }
   },
   "EventState": {
    "type": "object",
    "description": "A digest of what the dashboard shows: each version changes when that kind of thing changes.",
    "required": [
     "incidents",
     "alerts",
     "actions",
     "scores",
     "series",
     "anomalous"
    ],
    "properties": {
     "incidents": {
      "type": "integer",
      "description": "Version of the incidents (opened, grown, ended)"
     },
     "alerts": {
      "type": "integer",
      "description": "Version of the alerts and silences"
     },
     "actions": {
      "type": "integer",
      "description": "Version of the remediation actions"
     },
     "scores": {
      "type": "integer",
      "description": "Version of the scores (changes as points are scored)"
     },
     "series": {
      "type": "integer",
      "description": "Series known to detection"
     },
     "anomalous": {
      "type": "integer",
      "description": "Series whose latest score reached the threshold"
     },
     "latest": {
      "type": [
       "string",
       "null"
      ],
      "description": "The newest scored point's time"
     }
    }
   }
  },
  "responses": {
   "BadRequest": {
    "description": "A parameter or the body is malformed; error.field names it",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Unauthorized": {
    "description": "This endpoint needs Authorization: Bearer TOKEN with a configured token",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "NotFound": {
    "description": "No such resource",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "Conflict": {
    "description": "The resource is not in a state that allows this",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "ContentTooLarge": {
    "description": "The request body exceeds the configured limit",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "UnprocessableContent": {
    "description": "A value is not acceptable or a configured limit is reached; error.field names the value when there is one",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "TooManyRequests": {
    "description": "Detection is too far behind to queue more; retry after Retry-After seconds",
    "headers": {
     "Retry-After": {
      "$ref": "#/components/headers/RetryAfter"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   },
   "ServiceUnavailable": {
    "description": "The store could not save or read, so nothing was changed; retry after Retry-After seconds",
    "headers": {
     "Retry-After": {
      "$ref": "#/components/headers/RetryAfter"
     }
    },
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   }
  },
  "headers": {
   "RetryAfter": {
    "description": "Seconds to wait before retrying",
    "schema": {
     "type": "integer",
     "minimum": 1
    }
   }
  }
 },
 "paths": {
  "/health": {
   "get": {
    "operationId": "health",
    "summary": "Liveness",
    "responses": {
     "200": {
      "description": "Alive",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Status"
        }
       }
      }
     }
    }
   }
  },
  "/ready": {
   "get": {
    "operationId": "ready",
    "summary": "Readiness: models restored, detection running",
    "responses": {
     "200": {
      "description": "Ready",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Status"
        }
       }
      }
     },
     "503": {
      "description": "Starting",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Status"
        }
       }
      }
     }
    }
   }
  },
  "/metrics": {
   "get": {
    "operationId": "metrics",
    "summary": "Prometheus text exposition",
    "responses": {
     "200": {
      "description": "Metrics",
      "content": {
       "text/plain": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    }
   }
  },
  "/openapi.json": {
   "get": {
    "operationId": "openapi",
    "summary": "This document",
    "responses": {
     "200": {
      "description": "OpenAPI 3.1",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    }
   }
  },
  "/analyze": {
   "get": {
    "operationId": "analyze",
    "summary": "Latest analysis of every series",
    "responses": {
     "200": {
      "description": "Analysis",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Analysis"
        }
       }
      }
     }
    }
   }
  },
  "/v1/points": {
   "post": {
    "operationId": "postPoints",
    "summary": "Ingest points (JSON or NDJSON); 202 once durably stored",
    "security": [
     {
      "bearer": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/PointBatch"
       }
      },
      "application/x-ndjson": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "202": {
      "description": "Stored and queued for detection",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Accepted"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "401": {
      "$ref": "#/components/responses/Unauthorized"
     },
     "413": {
      "$ref": "#/components/responses/ContentTooLarge"
     },
     "422": {
      "$ref": "#/components/responses/UnprocessableContent"
     },
     "429": {
      "$ref": "#/components/responses/TooManyRequests"
     },
     "503": {
      "$ref": "#/components/responses/ServiceUnavailable"
     }
    }
   }
  },
  "/v1/logs": {
   "post": {
    "operationId": "postLogs",
    "summary": "Ingest structured logs (JSON or NDJSON)",
    "security": [
     {
      "bearer": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/LogBatch"
       }
      },
      "application/x-ndjson": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "202": {
      "description": "Stored",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Accepted"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "401": {
      "$ref": "#/components/responses/Unauthorized"
     },
     "413": {
      "$ref": "#/components/responses/ContentTooLarge"
     },
     "422": {
      "$ref": "#/components/responses/UnprocessableContent"
     },
     "429": {
      "$ref": "#/components/responses/TooManyRequests"
     },
     "503": {
      "$ref": "#/components/responses/ServiceUnavailable"
     }
    }
   }
  },
  "/v1/series": {
   "get": {
    "operationId": "listSeries",
    "summary": "Series in key order, optionally filtered and paged",
    "responses": {
     "200": {
      "description": "Series",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SeriesList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     }
    },
    "parameters": [
     {
      "name": "match",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "Only series whose key contains this text (case-insensitive)"
     },
     {
      "name": "offset",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 0,
       "maximum": 2147483647
      },
      "description": "Series to skip (default 0)"
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 10000
      },
      "description": "Series to return (default all)"
     }
    ]
   }
  },
  "/v1/series/{id}/points": {
   "get": {
    "operationId": "seriesPoints",
    "summary": "Points of a series with their scores, optionally downsampled for drawing",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 9223372036854775807
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "minLength": 1
      },
      "description": "ISO-8601 UTC or epoch seconds; default 24 h ago"
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "minLength": 1
      },
      "description": "ISO-8601 UTC or epoch seconds"
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000000
      },
      "description": "Points read from the store, oldest first: default 10,000 and at most 100,000; with max, default and at most 1,000,000"
     },
     {
      "name": "max",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 2,
       "maximum": 100000
      },
      "description": "Downsample to about this many points: each of max/2 buckets keeps its lowest and highest value, and every anomalous point is kept too"
     }
    ],
    "responses": {
     "200": {
      "description": "Points",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Points"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "404": {
      "$ref": "#/components/responses/NotFound"
     }
    }
   }
  },
  "/v1/anomalies": {
   "get": {
    "operationId": "listAnomalies",
    "summary": "Anomalies, newest first",
    "parameters": [
     {
      "name": "from",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "minLength": 1
      },
      "description": "ISO-8601 UTC or epoch seconds; default 24 h ago"
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "minLength": 1
      },
      "description": "ISO-8601 UTC or epoch seconds"
     },
     {
      "name": "series",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 9223372036854775807
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 10000
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Anomalies",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Anomalies"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     }
    }
   }
  },
  "/v1/incidents": {
   "get": {
    "operationId": "listIncidents",
    "summary": "Incidents, newest first",
    "parameters": [
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Incidents",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Incidents"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     }
    }
   }
  },
  "/v1/incidents/{id}": {
   "get": {
    "operationId": "getIncident",
    "summary": "One incident with its anomalies",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 9223372036854775807
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Incident",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/IncidentDetail"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "404": {
      "$ref": "#/components/responses/NotFound"
     }
    }
   }
  },
  "/v1/alerts": {
   "get": {
    "operationId": "listAlerts",
    "summary": "Tracked alerts: firing, held as flapping, or recently resolved",
    "responses": {
     "200": {
      "description": "Alerts",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Alerts"
        }
       }
      }
     }
    }
   }
  },
  "/v1/alerts/{id}/ack": {
   "post": {
    "operationId": "acknowledgeAlert",
    "summary": "Acknowledge a firing alert: no repeats until it resolves or escalates",
    "security": [
     {
      "bearer": []
     }
    ],
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "pattern": "^[0-9a-f]{16}$"
      },
      "description": "the alert's fingerprint"
     }
    ],
    "responses": {
     "200": {
      "description": "Acknowledged",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Acknowledged"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "401": {
      "$ref": "#/components/responses/Unauthorized"
     },
     "404": {
      "$ref": "#/components/responses/NotFound"
     }
    }
   }
  },
  "/v1/silences": {
   "get": {
    "operationId": "listSilences",
    "summary": "Silences: pending, active and recently expired",
    "responses": {
     "200": {
      "description": "Silences",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Silences"
        }
       }
      }
     }
    }
   },
   "post": {
    "operationId": "createSilence",
    "summary": "Mute the alerts that match, from startsAt to endsAt",
    "security": [
     {
      "bearer": []
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/SilenceIn"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "Created",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Silence"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "401": {
      "$ref": "#/components/responses/Unauthorized"
     },
     "413": {
      "$ref": "#/components/responses/ContentTooLarge"
     },
     "422": {
      "$ref": "#/components/responses/UnprocessableContent"
     }
    }
   }
  },
  "/v1/silences/{id}": {
   "delete": {
    "operationId": "expireSilence",
    "summary": "End a silence now",
    "security": [
     {
      "bearer": []
     }
    ],
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 9223372036854775807
      },
      "description": "the silence"
     }
    ],
    "responses": {
     "200": {
      "description": "Expired",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Expired"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "401": {
      "$ref": "#/components/responses/Unauthorized"
     },
     "404": {
      "$ref": "#/components/responses/NotFound"
     }
    }
   }
  },
  "/v1/actions": {
   "get": {
    "operationId": "listActions",
    "summary": "Remediation actions, newest first, each with its audit trail (plan, approval, execution, verification)",
    "parameters": [
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000
      },
      "description": "default 100"
     }
    ],
    "responses": {
     "200": {
      "description": "Actions",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Actions"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     }
    }
   }
  },
  "/v1/actions/{id}/approve": {
   "post": {
    "operationId": "approveAction",
    "summary": "Approve an action waiting for approval; it runs at once",
    "security": [
     {
      "bearer": []
     }
    ],
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 9223372036854775807
      },
      "description": "the action"
     }
    ],
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Approval"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "The action after running",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Action"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "401": {
      "$ref": "#/components/responses/Unauthorized"
     },
     "404": {
      "$ref": "#/components/responses/NotFound"
     },
     "409": {
      "$ref": "#/components/responses/Conflict"
     },
     "413": {
      "$ref": "#/components/responses/ContentTooLarge"
     },
     "422": {
      "$ref": "#/components/responses/UnprocessableContent"
     },
     "503": {
      "$ref": "#/components/responses/ServiceUnavailable"
     }
    }
   }
  },
  "/v1/notifications": {
   "get": {
    "operationId": "listNotifications",
    "summary": "Messages queued for the alert sinks and their delivery",
    "parameters": [
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000
      },
      "description": "default 100"
     }
    ],
    "responses": {
     "200": {
      "description": "Notifications",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Notifications"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     }
    }
   }
  },
  "/v1/events": {
   "get": {
    "operationId": "events",
    "summary": "What changed, for live pages",
    "description": "With Accept: text/event-stream, a server-sent event stream: a `state` event (an EventState) at once and whenever the state changes (checked every second), comments to keep the connection open, until `duration` seconds pass or the server stops. Otherwise the current EventState as JSON.",
    "parameters": [
     {
      "name": "duration",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 3600
      },
      "description": "Seconds the stream stays open (default 300); browsers reconnect by themselves"
     }
    ],
    "responses": {
     "200": {
      "description": "The state, or a stream of it",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EventState"
        }
       },
       "text/event-stream": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     }
    }
   }
  },
  "/": {
   "get": {
    "operationId": "dashboardOverview",
    "summary": "Dashboard: services and instances with their health, open incidents, anomaly rate, latest alerts and actions",
    "responses": {
     "200": {
      "description": "Page",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    }
   }
  },
  "/series": {
   "get": {
    "operationId": "dashboardSeries",
    "summary": "Dashboard: series, filtered and paged on the server",
    "parameters": [
     {
      "name": "q",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "Only series whose key contains this text"
     },
     {
      "name": "page",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000000
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Page",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     }
    }
   }
  },
  "/series/{id}": {
   "get": {
    "operationId": "dashboardSeriesExplorer",
    "summary": "Dashboard: one series' chart (values, score, threshold, anomalies) and its anomalies",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 9223372036854775807
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "minLength": 1
      },
      "description": "ISO-8601 UTC or epoch seconds; default 6 h before to"
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "minLength": 1
      },
      "description": "ISO-8601 UTC or epoch seconds; default the newest point"
     },
     {
      "name": "max",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 2,
       "maximum": 100000
      },
      "description": "Points the chart asks for (default twice its width)"
     }
    ],
    "responses": {
     "200": {
      "description": "Page",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "404": {
      "$ref": "#/components/responses/NotFound"
     }
    }
   }
  },
  "/incidents": {
   "get": {
    "operationId": "dashboardIncidents",
    "summary": "Dashboard: the incident timeline",
    "parameters": [
     {
      "name": "status",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "all",
        "open",
        "resolved"
       ]
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Page",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     }
    }
   }
  },
  "/incidents/{id}": {
   "get": {
    "operationId": "dashboardIncident",
    "summary": "Dashboard: one incident with its anomalies, root-cause hints, alerts and actions",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 9223372036854775807
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Page",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "404": {
      "$ref": "#/components/responses/NotFound"
     }
    }
   }
  },
  "/alerts": {
   "get": {
    "operationId": "dashboardAlerts",
    "summary": "Dashboard: alerts (acknowledge, silence), silences and notifications sent",
    "parameters": [
     {
      "name": "status",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "all",
        "firing",
        "resolved"
       ]
      }
     },
     {
      "name": "severity",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "all",
        "info",
        "warning",
        "critical"
       ]
      }
     },
     {
      "name": "q",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "Only alerts whose labels or summary contain this text"
     }
    ],
    "responses": {
     "200": {
      "description": "Page",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     }
    }
   }
  },
  "/actions": {
   "get": {
    "operationId": "dashboardActions",
    "summary": "Dashboard: remediation actions with their audit trail (approve)",
    "parameters": [
     {
      "name": "status",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "all",
        "simulated",
        "awaiting_approval",
        "approved",
        "skipped",
        "executed",
        "failed",
        "recovered",
        "not_recovered"
       ]
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Page",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     }
    }
   }
  },
  "/assets/dashboard.css": {
   "get": {
    "operationId": "dashboardStyle",
    "summary": "The dashboard's stylesheet",
    "responses": {
     "200": {
      "description": "CSS",
      "content": {
       "text/css": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    }
   }
  },
  "/assets/dashboard.js": {
   "get": {
    "operationId": "dashboardScript",
    "summary": "The dashboard's script",
    "responses": {
     "200": {
      "description": "JavaScript",
      "content": {
       "text/javascript": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    }
   }
  },
  "/report/{file}": {
   "get": {
    "operationId": "report",
    "summary": "The evaluation report written by `tocsin report`, when the server runs with --report DIR",
    "parameters": [
     {
      "name": "file",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "minLength": 1
      },
      "description": "A file of the report, e.g. index.html"
     }
    ],
    "responses": {
     "200": {
      "description": "The file",
      "content": {
       "text/html": {
        "schema": {
         "type": "string"
        }
       },
       "image/png": {
        "schema": {
         "type": "string"
        }
       },
       "image/svg+xml": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/BadRequest"
     },
     "404": {
      "$ref": "#/components/responses/NotFound"
     }
    }
   }
  }
 }
}
"""#
}
