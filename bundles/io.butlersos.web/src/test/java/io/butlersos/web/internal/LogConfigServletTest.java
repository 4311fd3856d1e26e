package io.butlersos.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.butlersos.api.ops.SenseLogConfigs;
import org.junit.jupiter.api.Test;

class LogConfigServletTest {

    /** Two services with recognisable text; the real generator is exercised by the appenders bundle and LogConfigPageIT. */
    private static final SenseLogConfigs TWO = new SenseLogConfigs() {
        @Override
        public List<String> services() {
            return List.of("engine", "scheduler");
        }

        @Override
        public String localLogConfig(String service) {
            return "<configuration service=\"" + service + "\"/>";
        }

        @Override
        public String remoteAddress() {
            return "10.0.0.5";
        }
    };

    @Test
    void eachFileNamesTheSenseFolderItGoesToAndWhereToDownloadIt() {
        Map<String, Object> body = LogConfigServlet.list(TWO);
        assertEquals(true, body.get("available"));
        assertEquals("10.0.0.5", body.get("remoteAddress"));
        List<?> files = (List<?>) body.get("files");
        assertEquals(2, files.size());
        Map<?, ?> scheduler = (Map<?, ?>) files.get(1);
        assertEquals("scheduler", scheduler.get("service"));
        assertEquals("C:\\ProgramData\\Qlik\\Sense\\Scheduler\\LocalLogConfig.xml", scheduler.get("path"));
        assertEquals("/api/logconfig/scheduler", scheduler.get("download"));
        assertEquals("<configuration service=\"scheduler\"/>", scheduler.get("xml"));
    }

    @Test
    void withoutTheAppendersBundleTheListSaysWhy() {
        Map<String, Object> body = LogConfigServlet.list(null);
        assertEquals(false, body.get("available"));
        assertEquals("the io.butlersos.appenders bundle is not running, so no files are generated", body.get("reason"));
        assertEquals(2, body.size());
    }
}
