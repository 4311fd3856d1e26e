package io.butlersos.appenders.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four Sense services and their appenders: which loggers send what, in which field order. The
 * patterns are the wire formats of Butler SOS (reference butler-sos-events.md §2–§3), field for field,
 * so the events bundle's parsers read them.
 */
enum SenseService {

    ENGINE("Engine", List.of(
            new Appender("QixPerf", "info", false,
                    "/qseow-qix-perf/;%rownum{9999};%longIso8601date;%date;%level;%hostname;%logger;%user;"
                            + "%property{ProxySessionId};%property{ActiveUserDirectory};%property{ActiveUserId};"
                            + "%property{EngineTimestamp};%property{SessionId};%property{DocId};%property{RequestId};"
                            + "%property{Method};%property{ProcessTime};%property{WorkTime};%property{LockTime};"
                            + "%property{ValidateTime};%property{TraverseTime};%property{Handle};%property{ObjectId};"
                            + "%property{NetRAM};%property{PeakRAM};%property{ObjectType}",
                    List.of(), List.of("QixPerformance.Engine.Engine")),
            new Appender("LogEvent", "warn", false,
                    "/qseow-engine/;%rownum{9999};%longIso8601date;%date;%level;%hostname;%logger;%user;%encodedmessage;"
                            + "%property{ProxySessionId};%property{ActiveUserDirectory};%property{ActiveUserId};"
                            + "%property{EngineTimestamp};%property{ProcessId};%property{Exe Version};"
                            + "%property{Server Started};%property{Entry Type};%property{SessionId};%property{AppId}",
                    List.of(), List.of("Performance.Engine", "System.Engine", "Session.Engine")))),

    PROXY("Proxy", List.of(
            new Appender("EventSession", null, true, userPattern("/qseow-proxy-session/"),
                    List.of("Start session for user", "Stop session for user"), List.of("AuditActivity.Proxy")),
            new Appender("EventConnection", null, true, userPattern("/qseow-proxy-connection/"),
                    List.of("connection Opened for session", "connection Closed for session"), List.of("AuditActivity.Proxy")),
            new Appender("LogEvent", "warn", false, auditPattern("/qseow-proxy/"), List.of(),
                    List.of("Audit.Proxy", "AuditSecurity", "Security.Proxy", "System.Proxy")))),

    REPOSITORY("Repository", List.of(
            new Appender("LogEvent", "warn", false, auditPattern("/qseow-repository/"), List.of(),
                    List.of("Service", "System.Repository", "UserManagement.Repository")))),

    SCHEDULER("Scheduler", List.of(
            new Appender("LogEvent", "warn", false,
                    "/qseow-scheduler/;%rownum{9999};%longIso8601date;%date;%level;%hostname;%logger;%user;%encodedmessage;"
                            + "%encodedexception;%property{UserDirectory};%property{UserId};%property{User};"
                            + "%property{TaskName};%property{AppName};%property{TaskId};%property{AppId};"
                            + "%property{ExecutionId}",
                    List.of(), List.of("Service", "System.Scheduler"))));

    private final String folder;
    private final List<Appender> appenders;

    SenseService(String folder, List<Appender> appenders) {
        this.folder = folder;
        this.appenders = appenders;
    }

    /** The folder under {@code C:\ProgramData\Qlik\Sense\}. */
    String folder() {
        return folder;
    }

    List<Appender> appenders() {
        return appenders;
    }

    /** {@code engine}, {@code proxy}, ... */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SenseService> of(String id) {
        for (SenseService service : values()) {
            if (service.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    private static String auditPattern(String prefix) {
        return prefix + ";%rownum{9999};%longIso8601date;%date;%level;%hostname;%logger;%user;%encodedmessage;"
                + "%encodedexception;%property{UserDirectory};%property{UserId};%property{Command};%property{Result};"
                + "%property{Origin};%property{Context}";
    }

    private static String userPattern(String prefix) {
        return prefix + ";%hostname;%property{Command};%property{UserDirectory};%property{UserId};%property{Origin};"
                + "%property{Context};%message";
    }
}
