// The xAPI 1.0.3 rules a statement must follow (Data section 2.4), checked independently of our own schemas: what a
// conformant LRS would refuse. Returns every broken rule, empty when the statement is valid.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
const DURATION = /^P(?!$)(\d+(?:\.\d+)?Y)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?W)?(\d+(?:\.\d+)?D)?(T(?=\d)(\d+(?:\.\d+)?H)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?S)?)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const STATEMENT_KEYS = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments'];
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIri = (value: unknown) => typeof value === 'string' && URL.canParse(value) && /^[a-z][a-z0-9+.-]*:/i.test(value);
const isLanguageMap = (value: unknown) => isObject(value) && Object.entries(value).every(([tag, text]) => LANGUAGE_TAG.test(tag) && typeof text === 'string');

function activityProblems(activity: unknown, where: string): string[] {
  if (!isObject(activity)) return [`${where} is not an object`];
  const problems: string[] = [];
  if (activity.objectType !== undefined && activity.objectType !== 'Activity') problems.push(`${where}.objectType is not Activity`);
  if (!isIri(activity.id)) problems.push(`${where}.id is not an IRI`);
  const definition = activity.definition;
  if (definition !== undefined && (!isObject(definition) || (definition.type !== undefined && !isIri(definition.type)))) problems.push(`${where}.definition.type is not an IRI`);
  return problems;
}

export function xapiProblems(statement: unknown): string[] {
  if (!isObject(statement)) return ['the statement is not an object'];
  const problems = Object.keys(statement).filter((key) => !STATEMENT_KEYS.includes(key)).map((key) => `unknown property ${key}`);
  if (typeof statement.id !== 'string' || !UUID.test(statement.id)) problems.push('id is not a UUID');
  const actor = statement.actor;
  if (!isObject(actor)) problems.push('actor is missing');
  else {
    if (actor.objectType !== undefined && actor.objectType !== 'Agent') problems.push('actor.objectType is not Agent');
    if (IFIS.filter((ifi) => actor[ifi] !== undefined).length !== 1) problems.push('actor has not exactly one identifier');
    const account = actor.account;
    if (account !== undefined && (!isObject(account) || !isIri(account.homePage) || typeof account.name !== 'string')) problems.push('actor.account needs an IRL homePage and a name');
  }
  const verb = statement.verb;
  if (!isObject(verb) || !isIri(verb.id)) problems.push('verb.id is not an IRI');
  else if (verb.display !== undefined && !isLanguageMap(verb.display)) problems.push('verb.display is not a language map');
  problems.push(...activityProblems(statement.object, 'object'));
  const result = statement.result;
  if (result !== undefined) {
    if (!isObject(result)) problems.push('result is not an object');
    else {
      if (result.duration !== undefined && (typeof result.duration !== 'string' || !DURATION.test(result.duration))) problems.push(`result.duration ${String(result.duration)} is not an ISO 8601 duration`);
      if (result.completion !== undefined && typeof result.completion !== 'boolean') problems.push('result.completion is not a boolean');
    }
  }
  const context = statement.context;
  if (context !== undefined) {
    if (!isObject(context)) problems.push('context is not an object');
    else {
      if (context.registration !== undefined && (typeof context.registration !== 'string' || !UUID.test(context.registration))) problems.push('context.registration is not a UUID');
      if (context.language !== undefined && (typeof context.language !== 'string' || !LANGUAGE_TAG.test(context.language))) problems.push('context.language is not an RFC 5646 tag');
      if (context.platform !== undefined && typeof context.platform !== 'string') problems.push('context.platform is not a string');
      const parents = isObject(context.contextActivities) ? context.contextActivities.parent : undefined;
      if (parents !== undefined) {
        if (!Array.isArray(parents)) problems.push('context.contextActivities.parent is not an array');
        else parents.forEach((parent, index) => problems.push(...activityProblems(parent, `context.contextActivities.parent[${index}]`)));
      }
      if (context.extensions !== undefined && (!isObject(context.extensions) || !Object.keys(context.extensions).every(isIri))) problems.push('context.extensions keys are not IRIs');
    }
  }
  if (statement.timestamp !== undefined && (typeof statement.timestamp !== 'string' || !TIMESTAMP.test(statement.timestamp))) problems.push('timestamp is not ISO 8601 with a zone');
  if (statement.version !== undefined && (typeof statement.version !== 'string' || !/^1\.0(\.\d+)?$/.test(statement.version))) problems.push('version is not 1.0.x');
  return problems;
}
