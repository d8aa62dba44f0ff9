package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainFieldsAreJoinedWithCommas() {
        assertThat(Csv.line("claude", "1.0.0", 3L, null)).isEqualTo("claude,1.0.0,3,\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(Csv.line("a,b", "say \"hi\"", "two\nlines")).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
    }

    @Test
    void fieldsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(Csv.line("=HYPERLINK(\"x\")", "-1")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'-1\n");
    }
}
