import { describe, expect, it } from 'vitest';
import { instructions, parseDockerfile, stageChain, substitute, targetStage } from '../../server/src/project/dockerfile.js';

describe('Dockerfile reading', () => {
  it('joins continued lines, drops comments inside them, and skips heredoc bodies', () => {
    const text = 'FROM node\nRUN apt-get update \\\n# a comment\n  && apt-get install -y curl\nRUN <<EOF\nEXPOSE 9999\nEOF\nEXPOSE 3000\n';
    expect(instructions(text).map((i) => [i.keyword, i.args, i.line])).toEqual([
      ['FROM', 'node', 1],
      ['RUN', 'apt-get update   && apt-get install -y curl', 2],
      ['RUN', '<<EOF', 5],
      ['EXPOSE', '3000', 8],
    ]);
  });

  it('follows the escape directive', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows\nEXPOSE 80 `\n  443\n';
    expect(parseDockerfile(text).stages[0]!.exposes).toEqual(['80', '443']);
  });

  it('substitutes ARG and ENV, with defaults, and leaves unknown variables unresolved', () => {
    const scope = new Map([['A', '1'], ['E', '']]);
    expect(substitute('$A:${A}', scope)).toBe('1:1');
    expect(substitute('${B:-8080}', scope)).toBe('8080');
    expect(substitute('${E:-x}', scope)).toBe('x');
    expect(substitute('${E-x}', scope)).toBe('');
    expect(substitute('${A:+on}', scope)).toBe('on');
    expect(substitute('\\$A', scope)).toBe('$A');
    expect(substitute('$B', scope)).toBeUndefined();
  });

  it('resolves EXPOSE through ARG defaults, build args and ENV', () => {
    const text = 'ARG BASE=node\nFROM $BASE\nARG PORT=3000\nENV APP_PORT=$PORT\nEXPOSE $APP_PORT\n';
    expect(parseDockerfile(text).stages[0]!.exposes).toEqual(['3000']);
    expect(parseDockerfile(text, new Map([['PORT', '4000']])).stages[0]!.exposes).toEqual(['4000']);
    expect(parseDockerfile('FROM x\nARG PORT\nEXPOSE $PORT\n').stages[0]!.exposes).toEqual([undefined]);
  });

  it('a global ARG reaches a stage only when redeclared there', () => {
    expect(parseDockerfile('ARG P=1\nFROM x\nEXPOSE $P\n').stages[0]!.exposes).toEqual([undefined]);
    expect(parseDockerfile('ARG P=1\nFROM x\nARG P\nEXPOSE $P\n').stages[0]!.exposes).toEqual(['1']);
  });

  it('finds the target stage and the stages it is built FROM', () => {
    const text = 'FROM node AS base\nENV PORT=1\nEXPOSE 3000\nFROM base AS app\nCMD ["node", "a.js"]\nFROM nginx AS web\nEXPOSE 80\n';
    const parsed = parseDockerfile(text);
    expect(targetStage(parsed)).toBe(2);
    expect(targetStage(parsed, 'APP')).toBe(1);
    expect(targetStage(parsed, 'nope')).toBeUndefined();
    const chain = stageChain(parsed, 1);
    expect(chain.flatMap((s) => s.exposes)).toEqual(['3000']);
    expect(chain[0]!.env.get('PORT')).toBe('1');
    expect(chain[0]!.cmd).toBe('node a.js');
  });

  it('reads ENV in both forms and CMD in both forms', () => {
    const s = parseDockerfile('FROM x\nENV PORT 8080\nENV A="b c" D=e\nCMD node server.js --port 8080\nENTRYPOINT ["/bin/tini", "--"]\n').stages[0]!;
    expect([...s.env]).toEqual([['PORT', '8080'], ['A', 'b c'], ['D', 'e']]);
    expect(s.cmd).toBe('node server.js --port 8080');
    expect(s.entrypoint).toBe('/bin/tini --');
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\\', 'EXPOSE 80', 'FROM', 'FROM x\nEXPOSE ${', 'FROM x AS\n', '\uFEFFFROM x\nEXPOSE 1\n']) expect(() => parseDockerfile(text)).not.toThrow();
  });
});
