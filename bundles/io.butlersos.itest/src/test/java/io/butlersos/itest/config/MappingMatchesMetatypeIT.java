package io.butlersos.itest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.butlersos.itest.Await;
import io.butlersos.itest.Metatypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Every property the YAML writes is an attribute the target bundle's OCD declares: the mapping table and the
 * bundles cannot drift apart unnoticed.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class MappingMatchesMetatypeIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    MetaTypeService metatype;

    private Set<String> attributes(String pid) {
        return Metatypes.attributes(context, metatype, pid);
    }

    @Test
    void everyWrittenPropertyIsADeclaredAttribute() throws Exception {
        try (YamlRig rig = new YamlRig(context, admin)) {
            rig.write("""
                    Butler-SOS:
                      systemInfo:
                        enable: true
                      heartbeat:
                        enable: false
                        remoteURL: http://127.0.0.1:9/ping
                        frequency: every 1 hour
                      uptimeMonitor:
                        enable: true
                        frequency: every 15 minutes
                        logLevel: verbose
                        storeInInfluxdb:
                          butlerSOSMemoryUsage: false
                          instanceTag: TEST
                        storeNewRelic:
                          enable: true
                          destinationAccount: [test]
                      configVisualisation:
                        enable: true
                        host: 127.0.0.1
                        port: %d
                        obfuscate: true
                      dockerHealthCheck:
                        enable: true
                        port: %d
                      errorTracking:
                        enable: true
                        logSummary:
                          enable: false
                        influxdb:
                          enable: false
                      qlikSenseEvents:
                        influxdb:
                          enable: true
                          writeFrequency: 20000
                        eventCount:
                          enable: true
                          influxdb:
                            measurementName: event_count
                            tags:
                              - name: qs_env
                                value: test
                        rejectedEventCount:
                          enable: true
                          influxdb:
                            measurementName: rejected_event_count
                      userEvents:
                        enable: true
                        excludeUser:
                          - directory: LAB
                            userId: robot
                        udpServerConfig:
                          serverHost: 127.0.0.1
                          portUserActivityEvents: %d
                          messageQueue:
                            backpressureThreshold: 80
                          rateLimit:
                            enable: true
                            maxMessagesPerMinute: 600
                          maxMessageSize: 65507
                          enableSourceValidation: true
                          allowedSources:
                            - 127.0.0.1
                          queueMetrics:
                            influxdb:
                              enable: true
                              writeFrequency: 20000
                              measurementName: user_events_queue
                              tags:
                                - name: qs_env
                                  value: test
                        tags:
                          - name: qs_env
                            value: test
                        sendToMQTT:
                          enable: true
                          postTo:
                            everythingTopic:
                              enable: true
                              topic: qliksense/userevent
                            sessionStartTopic:
                              enable: false
                              topic: x
                            sessionStopTopic:
                              enable: true
                            connectionOpenTopic:
                              enable: true
                              topic: qliksense/userevent/connection/open
                            connectionCloseTopic:
                              enable: true
                              topic: qliksense/userevent/connection/close
                        sendToNewRelic:
                          enable: true
                          destinationAccount: [test]
                          scramble: true
                      logEvents:
                        udpServerConfig:
                          serverHost: 127.0.0.1
                          portLogEvents: %d
                          maxMessageSize: 65507
                          queueMetrics:
                            influxdb:
                              enable: true
                              measurementName: log_events_queue
                        tags:
                          - name: qs_env
                            value: test
                        source:
                          engine:
                            enable: true
                          proxy:
                            enable: true
                          repository:
                            enable: true
                          scheduler:
                            enable: true
                          qixPerf:
                            enable: true
                        categorise:
                          enable: true
                          rules:
                            - description: Access denied
                              logLevel: [warn]
                              action: categorise
                              category:
                                - name: qs_log_category
                                  value: access-denied
                              filter:
                                - type: sw
                                  value: Access was denied
                                - type: ew
                                  value: denied
                                - type: so
                                  value: denied
                          ruleDefault:
                            enable: true
                            category:
                              - name: qs_log_category
                                value: unknown
                        enginePerformanceMonitor:
                          enable: true
                          appNameLookup:
                            enable: true
                          trackRejectedEvents:
                            enable: true
                            tags:
                              - name: qs_env
                                value: test
                          monitorFilter:
                            allApps:
                              enable: true
                              appExclude:
                                - appName: Test app
                              objectType:
                                allObjectTypes: true
                                allObjectTypesExclude: [sheet]
                                someObjectTypesInclude: [barchart]
                              method:
                                allMethods: true
                                allMethodsExclude: [Doc::GetAppLayout]
                                someMethodsInclude: [Global::OpenApp]
                            appSpecific:
                              enable: true
                              app:
                                - include:
                                    - appId: 3a5b1c2d-0000-4e8f-9a9b-123456789abc
                                  objectType:
                                    allObjectTypes: false
                                    allObjectTypesExclude: [sheet]
                                    someObjectTypesInclude: [barchart]
                                  appObject:
                                    allAppObjects: false
                                    allAppObjectsExclude: [aBc]
                                    someAppObjectsInclude: [dEf]
                                  method:
                                    allMethods: false
                                    allMethodsExclude: [Doc::GetAppLayout]
                                    someMethodsInclude: [Global::OpenApp]
                        sendToMQTT:
                          enable: true
                          baseTopic: qliksense/logevent
                          postTo:
                            baseTopic: true
                            subsystemTopics: false
                        sendToInfluxdb:
                          enable: false
                        sendToNewRelic:
                          enable: true
                          destinationAccount: [test]
                          source:
                            proxy:
                              enable: true
                              logLevel:
                                error: true
                                warn: false
                      mqttConfig:
                        enable: true
                        brokerHost: 127.0.0.1
                        brokerPort: %d
                        baseTopic: butler-sos/
                      prometheus:
                        enable: true
                        host: 127.0.0.1
                        port: %d
                      thirdPartyToolsCredentials:
                        newRelic:
                          - accountName: test
                            insertApiKey: not-a-key
                            accountId: 1
                      newRelic:
                        enable: true
                        event:
                          url: http://127.0.0.1:%d
                        metric:
                          destinationAccount: [test]
                          url: http://127.0.0.1:%d/metric/v1
                          header:
                            - name: X-Test
                              value: yes
                          attribute:
                            static:
                              - name: env
                                value: test
                      cert:
                        clientCert: %s/client.pem
                        clientCertKey: %s/client_key.pem
                        clientCertCA: %s/root.pem
                        clientCertPassphrase: pass
                      influxdbConfig:
                        enable: true
                        host: 127.0.0.1
                        port: %d
                        version: 1
                        maxBatchSize: 100
                        v1Config:
                          auth:
                            enable: true
                            username: user
                            password: pass
                          dbName: senseops
                          retentionPolicy:
                            name: 10d
                            duration: 10d
                        includeFields:
                          activeDocs: true
                          loadedDocs: true
                          inMemoryDocs: true
                      appNames:
                        enableAppNameExtract: true
                        extractInterval: 60000
                        hostIP: 127.0.0.1:%d
                      userSessions:
                        enableSessionExtract: true
                        pollingInterval: 30000
                        excludeUser:
                          - directory: INTERNAL
                            userId: sa_scheduler
                      serversToMonitor:
                        pollingInterval: 30000
                        rejectUnauthorized: true
                        serverTagsDefinition: [group]
                        servers:
                          - host: 127.0.0.1:%d
                            serverName: alpha
                            serverDescription: Test node
                            userSessions:
                              enable: true
                              host: 127.0.0.1:%d
                              virtualProxies:
                                - virtualProxy: /
                            serverTags:
                              group: test
                            headers:
                              X-Test: yes
                    """.formatted(YamlRig.freePort(), YamlRig.freePort(), YamlRig.freePort(), YamlRig.freePort(),
                    YamlRig.freePort(), YamlRig.freePort(),
                    YamlRig.freePort(), YamlRig.freePort(), rig.folder, rig.folder, rig.folder,
                    YamlRig.freePort(), YamlRig.freePort(), YamlRig.freePort(), YamlRig.freePort()));
            rig.start();
            Await.until("the file is applied", () -> rig.status() != null && rig.status().appliedAt().isPresent());

            Map<String, Map<String, Object>> effective = rig.status().effectiveConfiguration();
            // 18 for the sections above, plus the web endpoints (configVisualisation and dockerHealthCheck).
            assertEquals(19, effective.size(), effective.keySet().toString());
            // A bundle installed a moment ago (another test reinstalls host info) has its metatype read
            // asynchronously: give every PID's declaration a deadline to show up; the check below still
            // names every PID nobody declares.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && effective.keySet().stream().anyMatch(pid -> attributes(pid) == null)) {
                Thread.sleep(50);
            }
            List<String> unknown = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> config : effective.entrySet()) {
                Set<String> declared = attributes(config.getKey());
                if (declared == null) {
                    unknown.add(config.getKey() + ": no bundle declares this PID");
                    continue;
                }
                for (String property : config.getValue().keySet()) {
                    if (!declared.contains(property)) {
                        unknown.add(config.getKey() + ": " + property + " is not an attribute of its OCD");
                    }
                }
            }
            assertTrue(unknown.isEmpty(), String.join("\n", unknown) + "\nMetatype per bundle: " + Metatypes.describe(context, metatype));
        }
    }
}
