package io.urbanhub.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ConstAsLetTest {

    @Test
    void declaresWithLetInTheSameColumns() {
        assertEquals("let   a = 1;\nfor (let   x of xs) {}", ConstAsLet.rewrite("const a = 1;\nfor (const x of xs) {}"));
    }

    @Test
    void leavesCommentsStringsAndPropertyNamesAlone() {
        String source = """
                // const in a comment
                /* const */ var s = 'const' + "const\\" const" + o.const + { const: 1 }.const;
                var m = { const() { return 1; } };""";
        assertEquals(source, ConstAsLet.rewrite(source));
    }

    @Test
    void readsTemplateLiteralsAndTheCodeInThem() {
        assertEquals("var t = `const ${ (() => { let   b = 2; return b; })() } const`; let   c = `${`const`}`;",
                ConstAsLet.rewrite("var t = `const ${ (() => { const b = 2; return b; })() } const`; const c = `${`const`}`;"));
    }

    @Test
    void tellsRegularExpressionsFromDivisions() {
        assertEquals("var r = /const\\/[/]/g.test(x); let   d = a / b / c; let   e = (a) / 2;",
                ConstAsLet.rewrite("var r = /const\\/[/]/g.test(x); const d = a / b / c; const e = (a) / 2;"));
        assertEquals("function f() { return /const/.source; } let   g = 1;",
                ConstAsLet.rewrite("function f() { return /const/.source; } const g = 1;"));
    }

    @Test
    void aConstInALoopBodyTakesTheValueOfEveryPass() throws Exception {
        try (CodecEngine engine = new CodecEngine(CodecLimits.DEFAULTS)) {
            JavaScriptCodec codec = engine.compile("loop.js", """
                    function decodeUplink(input) {
                      let sum = 0;
                      for (let i = 0; i < input.bytes.length; i++) {
                        const value = input.bytes[i];
                        sum += value;
                      }
                      let last = 0;
                      for (const b of input.bytes) { last = b; }
                      return { data: { sum: sum, last: last } };
                    }""");
            assertEquals(Map.of("sum", 6.0, "last", 3.0), codec.decodeUplink(new CodecInput(1, new byte[] {1, 2, 3}, null)).data());
        }
    }
}
