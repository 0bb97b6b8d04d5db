using System.Text;

namespace Ingest.Functions.Api;

/// <summary>
/// <c>GET /api/openapi.json</c>: the API described by hand, so the document states the real contract —
/// parameter grammars and bounds, problem responses, CSV, ETags, both key schemes — which the handlers
/// enforce themselves and which endpoint metadata could not express. A test checks that every route
/// mapped under /api is documented and nothing else is.
/// </summary>
internal static class OpenApiDocument
{
    public static byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(Text);

    public static void MapOpenApiDocument(this IEndpointRouteBuilder api) =>
        api.MapGet("/openapi.json", () => new Representation(Utf8, "application/json; charset=utf-8")).WithName("getOpenApiDocument");

    private const string Text = """
{
  "openapi": "3.1.0",
  "info": {
    "title": "Ingest Lookup API",
    "version": "1.0.0",
    "description": "Parsed, checked figures from Chinese government information-disclosure annual reports (政府信息公开工作年度报告), and the archived originals they came from. JSON is camelCase UTF-8; errors are RFC 9457 problem+json. In Azure the Functions host requires a function key (x-functions-key header or code query parameter); the standalone host requires x-api-key only when Ingest:Api:ApiKey is set (loopback callers exempt unless Ingest:Api:RequireKeyOnLoopback is true)."
  },
  "servers": [{ "url": "/" }],
  "security": [{}, { "apiKey": [] }, { "functionKey": [] }, { "functionKeyQuery": [] }],
  "paths": {
    "/api/health": {
      "get": {
        "operationId": "health",
        "summary": "Liveness; never requires a key and does not touch storage.",
        "security": [],
        "responses": {
          "200": { "description": "The process answers.", "content": { "application/json": { "schema": { "type": "object", "properties": { "status": { "const": "ok" } }, "required": ["status"] } } } }
        }
      }
    },
    "/api/reports": {
      "get": {
        "operationId": "listReports",
        "summary": "Reports by agency, year (optionally one region), era or check status; at least one of agency, year, era, status is required.",
        "parameters": [
          { "$ref": "#/components/parameters/agency" },
          { "$ref": "#/components/parameters/yearOptional" },
          { "$ref": "#/components/parameters/region" },
          { "name": "era", "in": "query", "schema": { "type": "string", "enum": ["gb2021", "gb2019", "stat2014", "prose_legacy", "unknown"] } },
          { "name": "status", "in": "query", "description": "Arithmetic checks: ok (all passed), failed (one or more failed), none (nothing checked).", "schema": { "type": "string", "enum": ["ok", "failed", "none"] } },
          { "$ref": "#/components/parameters/limit" },
          { "$ref": "#/components/parameters/continuation" }
        ],
        "responses": {
          "200": { "description": "One page of reports.", "headers": { "ETag": { "$ref": "#/components/headers/ETag" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ReportPage" } } } },
          "304": { "$ref": "#/components/responses/NotModified" },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "503": { "$ref": "#/components/responses/StorageUnavailable" }
        }
      }
    },
    "/api/reports/{id}": {
      "get": {
        "operationId": "getReport",
        "summary": "One report: figures, blank and not-applicable cells, checks, warnings, provenance and parser version.",
        "parameters": [{ "$ref": "#/components/parameters/id" }, { "$ref": "#/components/parameters/ifNoneMatch" }],
        "responses": {
          "200": { "description": "The report.", "headers": { "ETag": { "$ref": "#/components/headers/ETag" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Report" } } } },
          "304": { "$ref": "#/components/responses/NotModified" },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "404": { "$ref": "#/components/responses/NotFound" },
          "503": { "$ref": "#/components/responses/StorageUnavailable" }
        }
      }
    },
    "/api/reports/{id}/source": {
      "get": {
        "operationId": "getReportSource",
        "summary": "The archived original the report was parsed from, byte for byte, with its original content type and charset (served sandboxed).",
        "parameters": [{ "$ref": "#/components/parameters/id" }, { "$ref": "#/components/parameters/ifNoneMatch" }],
        "responses": {
          "200": { "description": "The archived bytes.", "headers": { "ETag": { "$ref": "#/components/headers/ETag" }, "Last-Modified": { "description": "When the page was fetched.", "schema": { "type": "string" } } }, "content": { "*/*": { "schema": { "type": "string", "contentMediaType": "application/octet-stream" } } } },
          "304": { "$ref": "#/components/responses/NotModified" },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "404": { "$ref": "#/components/responses/NotFound" },
          "503": { "$ref": "#/components/responses/StorageUnavailable" }
        }
      }
    },
    "/api/figures": {
      "get": {
        "operationId": "getFigure",
        "summary": "One figure key across all reports of a year (optionally one region), blank and not-applicable cells included. JSON, or CSV with format=csv or Accept: text/csv. A CSV without limit/continuation is the whole series.",
        "parameters": [
          { "name": "key", "in": "query", "required": true, "description": "A canonical figure key, e.g. applications.new.total.", "schema": { "type": "string", "pattern": "^[a-z0-9_]+(\\.[a-z0-9_]+)+$", "maxLength": 200 } },
          { "$ref": "#/components/parameters/yearRequired" },
          { "$ref": "#/components/parameters/region" },
          { "name": "format", "in": "query", "description": "Overrides the Accept header.", "schema": { "type": "string", "enum": ["json", "csv"] } },
          { "$ref": "#/components/parameters/limit" },
          { "$ref": "#/components/parameters/continuation" }
        ],
        "responses": {
          "200": {
            "description": "The figure across reports. CSV: UTF-8 with BOM, RFC 4180, header row reportId,agency,region,year,key,state,value,unit,era,checksStatus,sourceUrl.",
            "headers": { "ETag": { "$ref": "#/components/headers/ETag" }, "X-Continuation": { "description": "CSV pages only: the next page's continuation token.", "schema": { "type": "string" } } },
            "content": {
              "application/json": { "schema": { "$ref": "#/components/schemas/FigurePage" } },
              "text/csv": { "schema": { "type": "string" } }
            }
          },
          "304": { "$ref": "#/components/responses/NotModified" },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "503": { "$ref": "#/components/responses/StorageUnavailable" }
        }
      }
    },
    "/api/agencies": {
      "get": {
        "operationId": "listAgencies",
        "summary": "Agencies with the years they have reports for, in name order; q matches the start of the name.",
        "parameters": [
          { "name": "q", "in": "query", "description": "Name prefix, e.g. 长沙.", "schema": { "type": "string", "maxLength": 100 } },
          { "$ref": "#/components/parameters/limit" },
          { "$ref": "#/components/parameters/continuation" }
        ],
        "responses": {
          "200": { "description": "One page of agencies.", "headers": { "ETag": { "$ref": "#/components/headers/ETag" } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AgencyPage" } } } },
          "304": { "$ref": "#/components/responses/NotModified" },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "503": { "$ref": "#/components/responses/StorageUnavailable" }
        }
      }
    },
    "/api/openapi.json": {
      "get": {
        "operationId": "getOpenApiDocument",
        "summary": "This document.",
        "responses": {
          "200": { "description": "The OpenAPI document.", "content": { "application/json": { "schema": { "type": "object" } } } },
          "304": { "$ref": "#/components/responses/NotModified" },
          "401": { "$ref": "#/components/responses/Unauthorized" }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "apiKey": { "type": "apiKey", "in": "header", "name": "x-api-key", "description": "Standalone host, when Ingest:Api:ApiKey is set." },
      "functionKey": { "type": "apiKey", "in": "header", "name": "x-functions-key", "description": "Azure Functions function key." },
      "functionKeyQuery": { "type": "apiKey", "in": "query", "name": "code", "description": "Azure Functions function key as a query parameter." }
    },
    "parameters": {
      "id": { "name": "id", "in": "path", "required": true, "description": "A report id, e.g. 2023-mzrg4k2xq7bde.", "schema": { "type": "string", "pattern": "^[a-z0-9-]{1,80}$" } },
      "agency": { "name": "agency", "in": "query", "description": "The resolved agency name, exactly (e.g. 长沙市国资委).", "schema": { "type": "string", "maxLength": 100 } },
      "region": { "name": "region", "in": "query", "description": "The crawl seed's region, exactly.", "schema": { "type": "string", "maxLength": 100 } },
      "yearOptional": { "name": "year", "in": "query", "description": "The report year (the year reported on).", "schema": { "type": "integer", "minimum": 1990, "maximum": 2100 } },
      "yearRequired": { "name": "year", "in": "query", "required": true, "description": "The report year (the year reported on).", "schema": { "type": "integer", "minimum": 1990, "maximum": 2100 } },
      "limit": { "name": "limit", "in": "query", "description": "Items per page.", "schema": { "type": "integer", "minimum": 1, "maximum": 200, "default": 50 } },
      "continuation": { "name": "continuation", "in": "query", "description": "The opaque token of the previous page; keep the other parameters unchanged.", "schema": { "type": "string", "maxLength": 2048 } },
      "ifNoneMatch": { "name": "If-None-Match", "in": "header", "description": "An ETag from an earlier response; 304 when unchanged.", "schema": { "type": "string" } }
    },
    "headers": {
      "ETag": { "description": "Strong entity tag of the representation.", "schema": { "type": "string" } }
    },
    "responses": {
      "NotModified": { "description": "The representation matches If-None-Match." },
      "BadRequest": { "description": "A parameter breaks its rule; errors maps each parameter to the rules it breaks.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "Unauthorized": { "description": "The x-api-key header is missing or wrong.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "NotFound": { "description": "No such report (or its archived capture is missing).", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "StorageUnavailable": { "description": "Storage did not answer; retry after the Retry-After seconds.", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
          "type": { "type": "string", "enum": ["urn:ingest:problem:invalid-parameter", "urn:ingest:problem:not-found", "urn:ingest:problem:unauthorized", "urn:ingest:problem:storage-unavailable", "urn:ingest:problem:internal"] },
          "title": { "type": "string" },
          "status": { "type": "integer" },
          "detail": { "type": "string" },
          "instance": { "type": "string" },
          "errors": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string" } } }
        }
      },
      "ReportSummary": {
        "type": "object",
        "required": ["id", "agency", "year", "era", "checksStatus", "url"],
        "properties": {
          "id": { "type": "string" }, "agency": { "type": "string" }, "region": { "type": ["string", "null"] }, "year": { "type": "integer" },
          "era": { "type": "string" }, "title": { "type": ["string", "null"] }, "publishedAt": { "type": ["string", "null"], "format": "date" },
          "checksOk": { "type": ["boolean", "null"] }, "checksStatus": { "type": "string", "enum": ["ok", "failed", "none"] },
          "sourceUrl": { "type": ["string", "null"] }, "scope": { "type": "string", "enum": ["own", "aggregate"] }, "mirrorSuspect": { "type": "boolean" },
          "figureCount": { "type": "integer" }, "fetchedAt": { "type": "string", "format": "date-time" }, "parserVersion": { "type": "string" },
          "url": { "type": "string" }
        }
      },
      "ReportPage": { "type": "object", "required": ["items"], "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/ReportSummary" } }, "continuation": { "type": ["string", "null"] }, "next": { "type": ["string", "null"] } } },
      "Report": {
        "type": "object",
        "required": ["id", "era", "figures", "blank", "notApplicable", "checks", "warnings", "parserVersion", "provenance"],
        "properties": {
          "id": { "type": "string" }, "agency": { "type": ["string", "null"] }, "agencyAsWritten": { "type": ["string", "null"] }, "agencySource": { "type": ["string", "null"] },
          "region": { "type": ["string", "null"] }, "year": { "type": ["integer", "null"] }, "yearSource": { "type": ["string", "null"] }, "title": { "type": ["string", "null"] },
          "publishedAt": { "type": ["string", "null"], "format": "date" }, "indexNo": { "type": ["string", "null"] }, "era": { "type": "string" }, "scope": { "type": "string" },
          "mirrorSuspect": { "type": "boolean" }, "charset": { "type": ["string", "null"] }, "checksOk": { "type": ["boolean", "null"] }, "checksStatus": { "type": "string" },
          "figures": { "type": "object", "description": "Canonical figure key to number.", "additionalProperties": { "type": "number" } },
          "units": { "type": "object", "additionalProperties": { "type": "string" } },
          "blank": { "type": "array", "items": { "type": "string" }, "description": "Keys whose cell was empty (not zero)." },
          "notApplicable": { "type": "array", "items": { "type": "string" } },
          "checks": { "type": "array", "items": { "type": "object", "properties": { "rule": { "type": "string" }, "scope": { "type": "string" }, "ok": { "type": "boolean" }, "expected": { "type": "number" }, "actual": { "type": "number" } } } },
          "warnings": { "type": "array", "items": { "type": "string" } },
          "parserVersion": { "type": "string" },
          "provenance": {
            "type": "object",
            "properties": {
              "blobName": { "type": "string" }, "blobETag": { "type": "string" }, "sourceUrl": { "type": "string" }, "finalUrl": { "type": "string" },
              "fetchedAt": { "type": "string", "format": "date-time" }, "httpStatus": { "type": "integer" }, "sha256": { "type": ["string", "null"] },
              "contentType": { "type": ["string", "null"] }, "crawlerVersion": { "type": ["string", "null"] }, "sourceId": { "type": ["string", "null"] },
              "writtenAt": { "type": "string", "format": "date-time" }
            }
          },
          "links": { "type": "object", "properties": { "self": { "type": "string" }, "source": { "type": "string" } } }
        }
      },
      "FigureItem": {
        "type": "object",
        "required": ["reportId", "agency", "year", "key", "state"],
        "properties": {
          "reportId": { "type": "string" }, "agency": { "type": "string" }, "region": { "type": ["string", "null"] }, "year": { "type": "integer" }, "key": { "type": "string" },
          "state": { "type": "string", "enum": ["value", "blank", "not_applicable"] }, "value": { "type": ["number", "null"] }, "unit": { "type": ["string", "null"] },
          "era": { "type": "string" }, "checksStatus": { "type": "string" }, "checksOk": { "type": ["boolean", "null"] }, "sourceUrl": { "type": ["string", "null"] },
          "parserVersion": { "type": "string" }, "url": { "type": "string" }
        }
      },
      "FigurePage": { "type": "object", "required": ["items"], "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/FigureItem" } }, "continuation": { "type": ["string", "null"] }, "next": { "type": ["string", "null"] } } },
      "Agency": {
        "type": "object",
        "properties": { "agency": { "type": "string" }, "years": { "type": "array", "items": { "type": "integer" } }, "reportCount": { "type": "integer" }, "regions": { "type": "array", "items": { "type": "string" } }, "reports": { "type": "string" } }
      },
      "AgencyPage": { "type": "object", "required": ["items"], "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/Agency" } }, "continuation": { "type": ["string", "null"] }, "next": { "type": ["string", "null"] } } }
    }
  }
}
""";
}
