package io.butlersos.appenders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.UserAgentInfo;
import io.butlersos.api.events.UserEvent;
import io.butlersos.events.internal.parse.LogDatagramParser;
import io.butlersos.events.internal.parse.ParseContext;
import io.butlersos.events.internal.parse.ParseResult;
import io.butlersos.events.internal.parse.UserDatagramParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LocalLogConfigXmlTest {

    static final Receivers RECEIVERS = new Receivers("10.0.0.5", 19996, 19997, List.of(), Set.of());
    static final Instant RECEIVED = Instant.parse("2026-11-29T00:02:04Z");

    /** One appender as the generated file declares it. */
    record Declared(String name, String threshold, String remoteAddress, int remotePort, String pattern,
            List<String> stringMatches, boolean denyAll, List<String> loggers, List<String> converters) {
    }

    static List<Declared> declared(String xml) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("configuration");
        List<Declared> result = new ArrayList<>();
        NodeList appenders = doc.getElementsByTagName("appender");
        NodeList loggers = doc.getElementsByTagName("logger");
        for (int i = 0; i < appenders.getLength(); i++) {
            Element a = (Element) appenders.item(i);
            assertThat(a.getAttribute("type")).isEqualTo("log4net.Appender.UdpAppender");
            String name = a.getAttribute("name");
            Map<String, String> params = new java.util.HashMap<>();
            NodeList ps = a.getElementsByTagName("param");
            for (int j = 0; j < ps.getLength(); j++) {
                Element p = (Element) ps.item(j);
                if (p.getParentNode() == a || ((Element) p.getParentNode()).getTagName().equals("layout")) {
                    params.put(p.getAttribute("name"), p.getAttribute("value"));
                }
            }
            List<String> matches = new ArrayList<>();
            boolean denyAll = false;
            NodeList filters = a.getElementsByTagName("filter");
            for (int j = 0; j < filters.getLength(); j++) {
                Element f = (Element) filters.item(j);
                if (f.getAttribute("type").equals("log4net.Filter.StringMatchFilter")) {
                    matches.add(((Element) f.getElementsByTagName("param").item(0)).getAttribute("value"));
                } else if (f.getAttribute("type").equals("log4net.Filter.DenyAllFilter")) {
                    denyAll = true;
                }
            }
            List<String> converters = new ArrayList<>();
            NodeList cs = a.getElementsByTagName("converter");
            for (int j = 0; j < cs.getLength(); j++) {
                converters.add(((Element) ((Element) cs.item(j)).getElementsByTagName("param").item(0)).getAttribute("value"));
            }
            List<String> attached = new ArrayList<>();
            for (int j = 0; j < loggers.getLength(); j++) {
                Element l = (Element) loggers.item(j);
                if (((Element) l.getElementsByTagName("appender-ref").item(0)).getAttribute("ref").equals(name)) {
                    attached.add(l.getAttribute("name"));
                }
            }
            assertThat(params).containsEntry("encoding", "utf-8");
            result.add(new Declared(name, params.get("threshold"), params.get("remoteAddress"),
                    Integer.parseInt(params.get("remotePort")), params.get("conversionpattern"), matches, denyAll, attached,
                    converters));
        }
        return result;
    }

    static ParseResult parseLog(String datagram) {
        byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
        return new LogDatagramParser(ParseContext.plain()).parse(bytes, 0, bytes.length, RECEIVED);
    }

    static ParseResult parseUser(String datagram) {
        byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
        return new UserDatagramParser(ParseContext.plain(), ua -> UserAgentInfo.NONE).parse(bytes, 0, bytes.length, RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(SenseService.class)
    void everyAppenderOfEveryFileProducesDatagramsTheEventsParsersAccept(SenseService service) throws Exception {
        List<Declared> appenders = declared(LocalLogConfigXml.render(service, RECEIVERS));
        assertThat(appenders).hasSize(service.appenders().size());
        for (Declared a : appenders) {
            assertThat(a.remoteAddress()).isEqualTo("10.0.0.5");
            assertThat(a.loggers()).isNotEmpty();
            for (String token : List.of("rownum", "hostname", "longIso8601date", "user", "encodedmessage", "encodedexception")) {
                assertThat(a.converters().contains(token)).as(a.name() + " declares converter " + token)
                        .isEqualTo(a.pattern().contains("%" + token));
            }
            String level = "info".equals(a.threshold()) ? "INFO" : "WARN";
            String datagram = Log4netLayout.render(a.pattern(), level, a.loggers().get(0));
            if (a.remotePort() == 19997) {
                assertThat(a.stringMatches()).isNotEmpty();
                assertThat(a.denyAll()).isTrue();
                ParseResult result = parseUser(datagram);
                assertThat(result).as(datagram).isInstanceOf(ParseResult.Parsed.class);
                UserEvent event = (UserEvent) ((ParseResult.Parsed) result).event();
                assertThat(event.host()).isEqualTo("sense1");
                assertThat(event.command()).isEqualTo("Start session");
                assertThat(event.appId()).isEqualTo("e7af59a0-c243-480d-9571-08727551a66f");
                assertThat(event.message()).contains("UserAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0'");
            } else {
                assertThat(a.remotePort()).isEqualTo(19996);
                ParseResult result = parseLog(datagram);
                assertThat(result).as(datagram).isInstanceOf(ParseResult.Parsed.class);
                Object event = ((ParseResult.Parsed) result).event();
                if (event instanceof QixPerfEvent qix) {
                    assertThat(qix.header().source()).isEqualTo(LogSource.QIX_PERF);
                    assertThat(qix.method()).isEqualTo("GenericObject::GetLayout");
                    assertThat(qix.objectType()).isEqualTo("barchart");
                    assertThat(qix.peakRam()).isEqualTo(4096);
                    assertThat(qix.time()).isEqualTo(Instant.parse("2026-11-29T00:02:03.456Z"));
                } else {
                    LogEvent log = (LogEvent) event;
                    assertThat(log.header().source().label()).isEqualTo("qseow-" + service.id());
                    assertThat(log.header().host()).isEqualTo("sense1");
                    assertThat(log.header().level()).isEqualTo("WARN");
                    assertThat(log.header().subsystem()).isEqualTo(a.loggers().get(0));
                    assertThat(log.message()).isEqualTo("Doc::DoReload: reload failed for app");
                    assertThat(log.time()).as("the event time from %longIso8601date").isEqualTo(Instant.parse("2026-11-29T00:02:03.456Z"));
                }
            }
        }
    }

    @Test
    void theEngineFileHasTheQixPerformanceAppenderAtInfoAndTheLogAppenderAtWarn() throws Exception {
        List<Declared> engine = declared(LocalLogConfigXml.render(SenseService.ENGINE, RECEIVERS));
        assertThat(engine).extracting(Declared::name, Declared::threshold, Declared::loggers).containsExactly(
                org.assertj.core.groups.Tuple.tuple("QixPerf", "info", List.of("QixPerformance.Engine.Engine")),
                org.assertj.core.groups.Tuple.tuple("LogEvent", "warn", List.of("Performance.Engine", "System.Engine", "Session.Engine")));
    }

    @Test
    void theProxyFileSendsSessionAndConnectionEventsToTheUserPortOnly() throws Exception {
        List<Declared> proxy = declared(LocalLogConfigXml.render(SenseService.PROXY, RECEIVERS));
        assertThat(proxy).extracting(Declared::name, Declared::remotePort, Declared::stringMatches).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EventSession", 19997, List.of("Start session for user", "Stop session for user")),
                org.assertj.core.groups.Tuple.tuple("EventConnection", 19997, List.of("connection Opened for session", "connection Closed for session")),
                org.assertj.core.groups.Tuple.tuple("LogEvent", 19996, List.of()));
    }

    @Test
    void theConnectionAppendersPatternIsAcceptedAsAConnectionEvent() throws Exception {
        Declared connection = declared(LocalLogConfigXml.render(SenseService.PROXY, RECEIVERS)).get(1);
        UserEvent event = (UserEvent) ((ParseResult.Parsed) parseUser(Log4netLayout.render(connection.pattern(), "INFO",
                "AuditActivity.Proxy"))).event();
        assertThat(event.messageType()).isEqualTo("qseow-proxy-connection");
    }

    @Test
    void notesAboutTheReceiverBecomeCommentsAndAttributesAreEscaped() throws Exception {
        Receivers receivers = new Receivers("host\"<x>", 9996, 9997, List.of("The receiver listens on 127.0.0.1 only -- fix it."),
                Set.of("engine"));
        String xml = LocalLogConfigXml.render(SenseService.ENGINE, receivers);
        assertThat(xml).contains("NOTE: The receiver listens on 127.0.0.1 only - - fix it.")
                .contains("NOTE: The receiver drops /qseow-engine/ events: set source.engine = true in io.butlersos.events.log.")
                .doesNotContain("drops /qseow-qix-perf/");
        assertThat(declared(xml).get(0).remoteAddress()).isEqualTo("host\"<x>");
    }
}
