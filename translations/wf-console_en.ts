<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiResponse</name>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="18"/>
        <source>The platform did not answer within %1 ms: it may be overloaded or hung. The console keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="22"/>
        <source>Cannot reach the platform (%1). Is it running? Check the URL in Connection settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="26"/>
        <source>The platform answered %1 with something that is not the expected JSON: is this URL a Workflow Automation Platform?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="32"/>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="33"/>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="36"/>
        <source>%1. The operator key is missing or not valid: enter one in Connection settings (deploy/status --json names the local stack&apos;s key file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="41"/>
        <source>%1. This key may not do that: use an operator key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="43"/>
        <source>%1. Rate limited: the console slows down and tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="47"/>
        <source>%1. The platform is unavailable right now; the console keeps trying.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleStartup</name>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="58"/>
        <source>The operator console of the Workflow Automation Platform: live throughput, Kafka lag, errors and scaling; workflows and runs. The operator key comes from WF_CONSOLE_TOKEN, the keychain, the local stack&apos;s key file (deploy/status --json names it), or the connection dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="65"/>
        <source>Open the platform at this API URL (or WF_CONSOLE_URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="67"/>
        <source>Name of the endpoint opened with --url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="69"/>
        <source>Language: de or en (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="72"/>
        <source>Save a screenshot of the screen to this PNG file after --screenshot-after seconds, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="75"/>
        <source>Seconds before the screenshot (8).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <location filename="../console/client/credentialstore.cpp" line="24"/>
        <source>No keychain is available on this desktop (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/credentialstore.cpp" line="29"/>
        <source>The keychain refused access: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/credentialstore.cpp" line="34"/>
        <source>The keychain cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <location filename="../console/model/displayformat.cpp" line="27"/>
        <location filename="../console/model/displayformat.cpp" line="29"/>
        <location filename="../console/model/displayformat.cpp" line="31"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/displayformat.cpp" line="32"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointList</name>
    <message>
        <location filename="../console/client/endpointlist.cpp" line="64"/>
        <source>&quot;%1&quot; is not an http:// or https:// URL, such as http://127.0.0.1:8000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/client/endpointlist.cpp" line="71"/>
        <source>The URL must not have a query or fragment: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstanceTableModel</name>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="71"/>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="95"/>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="97"/>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="99"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="101"/>
        <source>CPU % (10 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="103"/>
        <source>RSS (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="105"/>
        <source>In flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="107"/>
        <source>Requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="109"/>
        <source>Heartbeat age (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="111"/>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageWidgets</name>
    <message>
        <location filename="../console/ui/pagewidgets.cpp" line="19"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunListModel</name>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="65"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="80"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="82"/>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="84"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="86"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="88"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="90"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScalingController</name>
    <message>
        <location filename="../console/model/scalingcontroller.cpp" line="50"/>
        <source>%1: change accepted; the platform makes it true within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/scalingcontroller.cpp" line="53"/>
        <source>%1: change refused. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsPoller</name>
    <message>
        <location filename="../console/model/statspoller.cpp" line="16"/>
        <source>Waiting for the first answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/statspoller.cpp" line="34"/>
        <source>No answer for %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/statspoller.cpp" line="53"/>
        <source>The stats answer cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowListModel</name>
    <message>
        <location filename="../console/model/workflowlistmodel.cpp" line="54"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/workflowlistmodel.cpp" line="56"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/workflowlistmodel.cpp" line="58"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/workflowlistmodel.cpp" line="60"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/workflowlistmodel.cpp" line="62"/>
        <source>Workflow id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::BulkRunAction</name>
    <message numerus="yes">
        <location filename="../console/model/bulkrunaction.cpp" line="43"/>
        <source>Cancelled %1 of %n run(s); %2 had ended already.</source>
        <translation>
            <numerusform>Cancelled %1 of %n run; %2 had ended already.</numerusform>
            <numerusform>Cancelled %1 of %n runs; %2 had ended already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/model/bulkrunaction.cpp" line="46"/>
        <source>Retried %1 of %n run(s); %2 left alone (only failed or cancelled runs can be retried).</source>
        <translation>
            <numerusform>Retried %1 of %n run; %2 left alone (only failed or cancelled runs can be retried).</numerusform>
            <numerusform>Retried %1 of %n runs; %2 left alone (only failed or cancelled runs can be retried).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/model/bulkrunaction.cpp" line="49"/>
        <source>Requeued %1 of %n run(s); %2 were moving again or had ended.</source>
        <translation>
            <numerusform>Requeued %1 of %n run; %2 were moving again or had ended.</numerusform>
            <numerusform>Requeued %1 of %n runs; %2 were moving again or had ended.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/model/bulkrunaction.cpp" line="54"/>
        <source>%n failed; the first said: %1</source>
        <translation>
            <numerusform>%n failed; the first said: %1</numerusform>
            <numerusform>%n failed; the first said: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/model/bulkrunaction.cpp" line="56"/>
        <source>%n not sent: stopped before.</source>
        <translation>
            <numerusform>%n not sent: stopped before.</numerusform>
            <numerusform>%n not sent: stopped before.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::console::CapacityPage</name>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>Carried out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="86"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="86"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::ComponentScalingPanel</name>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="25"/>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="25"/>
        <location filename="../console/ui/componentscalingpanel.cpp" line="146"/>
        <source>API servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="27"/>
        <source>Change replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="32"/>
        <source>Workers and Kafka lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="32"/>
        <source>Servers, CPU and p99 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="33"/>
        <source>desired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="34"/>
        <source>actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="36"/>
        <source>Kafka lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="37"/>
        <location filename="../console/ui/componentscalingpanel.cpp" line="41"/>
        <source>replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="37"/>
        <source>messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="39"/>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="40"/>
        <source>p99 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="41"/>
        <source>CPU % · p99 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="43"/>
        <location filename="../console/ui/componentscalingpanel.cpp" line="140"/>
        <source>scaling decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="59"/>
        <source>Desired replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="61"/>
        <source>Set replicas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="63"/>
        <source>Desired replicas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="67"/>
        <source>Autoscaler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="70"/>
        <source>min </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="73"/>
        <source>max </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="74"/>
        <source>Apply bounds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="101"/>
        <source>desired %1 · actual %2 · bounds %3–%4 · autoscaler %5 · %6 in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="106"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="106"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="109"/>
        <source>converging: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="146"/>
        <source>workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="147"/>
        <source>Set %1 from %2 to %3 replicas?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="152"/>
        <source>set in wf-console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="155"/>
        <source>%1: desired replicas set; watch actual follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="157"/>
        <location filename="../console/ui/componentscalingpanel.cpp" line="176"/>
        <source>Change refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="167"/>
        <source>%1 the autoscaler for %2 with bounds %3–%4?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="168"/>
        <source>Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="168"/>
        <source>Turn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="175"/>
        <source>%1: autoscaler settings applied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::ConnectionDialog</name>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="20"/>
        <source>Connect to a platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="25"/>
        <source>New endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="28"/>
        <source>&amp;Known endpoints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="30"/>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="31"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="34"/>
        <source>API &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="37"/>
        <source>wf_… operator key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="38"/>
        <source>Use the &amp;local stack&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="39"/>
        <source>Reads the key file that deploy/up wrote (deploy/status --json names it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="44"/>
        <source>Operator &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="45"/>
        <source>&amp;Keep the key in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="58"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="85"/>
        <source>No keychain is available here (%1). The key is kept for this session only; WF_CONSOLE_TOKEN or the local stack&apos;s key file also work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="124"/>
        <source>Enter an operator key: the console&apos;s views need the admin API. `wf-server keys create --role operator` makes one; the local stack keeps one in its key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="137"/>
        <source>No local stack found: start one with deploy/up, or run the console from the checkout (or set WF_STACK_STATE_DIR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="139"/>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::HealthMonitor</name>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="33"/>
        <source>Dead letters growing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="34"/>
        <source>%1 dead letters (+%2): messages no worker could handle are piling up in workflow.dlq.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="41"/>
        <source>Runs failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="42"/>
        <source>%1 % of the runs that ended in the last 10 s failed (threshold %2 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="48"/>
        <source>Server errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="49"/>
        <source>%1 % of requests in the last 10 s answered 5xx (threshold %2 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="55"/>
        <source>Slow answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="56"/>
        <source>p99 latency %1 ms is above %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="66"/>
        <source>Replicas missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="67"/>
        <source>%1: %2 of %3 desired replicas run, for %4 s now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="77"/>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::JsonEditor</name>
    <message>
        <location filename="../console/ui/jsoneditor.cpp" line="20"/>
        <source>&amp;Format JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/jsoneditor.cpp" line="23"/>
        <source>Indent the JSON (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/jsoneditor.cpp" line="81"/>
        <source>empty: enter a JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/jsoneditor.cpp" line="92"/>
        <source>must be a JSON object ({…})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/jsoneditor.cpp" line="101"/>
        <source>Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::MainWindow</name>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="30"/>
        <source>Workflow Automation Platform — Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="38"/>
        <location filename="../console/ui/mainwindow.cpp" line="253"/>
        <source>Not connected: Platform ▸ Connect… (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="53"/>
        <source>&amp;Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="54"/>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="57"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="62"/>
        <source>C&amp;lose platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="65"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="68"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="69"/>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="70"/>
        <source>&amp;Capacity and scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="71"/>
        <source>&amp;Workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="72"/>
        <source>&amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="73"/>
        <source>&amp;Stuck runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="83"/>
        <source>&amp;Next platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="87"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="88"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="90"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="91"/>
        <source>Ctrl+O connect · F5 refresh · Ctrl+W close platform · Ctrl+Tab next platform
Ctrl+1 overview · Ctrl+2 capacity · Ctrl+3 workflows · Ctrl+4 runs · Ctrl+5 stuck runs
Workflows: Ctrl+N new · Ctrl+S save · Ctrl+T trigger
Runs: Return details · Del cancel · Ctrl+R retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="96"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="97"/>
        <source>About the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="98"/>
        <source>wf-console %1: the operator console of the Workflow Automation Platform. It talks to the platform&apos;s REST API only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="103"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="109"/>
        <source>Show the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="153"/>
        <source>the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="160"/>
        <source>%1 Using the key from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="193"/>
        <source>Opened %1 with the key from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="225"/>
        <source>The key was not stored: %1 It is kept for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="230"/>
        <source>the connection dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="269"/>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="271"/>
        <source>Workflow console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::OverviewPage</name>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="45"/>
        <source>Requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="46"/>
        <source>Runs finished/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="47"/>
        <source>HTTP 5xx (10 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="48"/>
        <source>Run failures (10 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="49"/>
        <source>p99 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="50"/>
        <source>Kafka lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="51"/>
        <source>Outbox backlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="52"/>
        <source>Dead letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="53"/>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="54"/>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="69"/>
        <source>Throughput (per second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="70"/>
        <source>requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="71"/>
        <source>runs triggered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="72"/>
        <source>runs finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="73"/>
        <source>Error rates (%, last 10 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="74"/>
        <source>HTTP 5xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="75"/>
        <source>HTTP 4xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="76"/>
        <source>run failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="77"/>
        <source>Latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="78"/>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="79"/>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="80"/>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="81"/>
        <source>Kafka lag (messages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="82"/>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="122"/>
        <source>%1 triggered/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="124"/>
        <location filename="../console/ui/overviewpage.cpp" line="128"/>
        <source>threshold %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="125"/>
        <source>none ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="130"/>
        <source>p50 %1 ms; threshold %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="132"/>
        <source>scale up above %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="134"/>
        <source>oldest %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="140"/>
        <source>CPU %1 %, %2 in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="149"/>
        <source>partition %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="174"/>
        <source>Not live: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="177"/>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::PlatformView</name>
    <message>
        <location filename="../console/ui/platformview.cpp" line="42"/>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="43"/>
        <source>&amp;Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="44"/>
        <source>&amp;Workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="45"/>
        <source>&amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="46"/>
        <source>&amp;Stuck runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="110"/>
        <source>%1: not live — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="111"/>
        <source>%1: connected · updated %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::RunDetailDialog</name>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="67"/>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="79"/>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="81"/>
        <source>Workflow:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="83"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="85"/>
        <source>Triggered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="87"/>
        <source>Ended:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="89"/>
        <source>Retry of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="92"/>
        <source>Trace id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="95"/>
        <source>Error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="102"/>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="107"/>
        <source>The output of the step selected above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="108"/>
        <source>S&amp;teps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="115"/>
        <source>&amp;Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="120"/>
        <source>&amp;Cancel run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="120"/>
        <source>Cancel this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="121"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="122"/>
        <source>Start a new run that resumes at the first step that did not succeed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="123"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="124"/>
        <source>Ask for the run and its timeline again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="126"/>
        <source>Cancel this run?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="127"/>
        <source>Cancel run %1? A pending run will not start; a running one stops before its next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="129"/>
        <source>Cancel the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="151"/>
        <source>The timeline could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="185"/>
        <source>The run could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="206"/>
        <source>%1 · version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="211"/>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="212"/>
        <source>%1 (after %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="253"/>
        <source>Not cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="259"/>
        <source>Run %1 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="280"/>
        <source>Not retried: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="280"/>
        <source>the platform named no new run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="283"/>
        <source>Run %1 retried as run %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::RunTimelineModel</name>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="152"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="154"/>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="156"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="158"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="160"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="162"/>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="164"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="166"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::RunsPage</name>
    <message>
        <location filename="../console/ui/runspage.cpp" line="47"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="48"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="49"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="50"/>
        <source>success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="51"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="52"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="53"/>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="59"/>
        <source>any workflow (enter a workflow id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="61"/>
        <source>&amp;Workflow:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="88"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="89"/>
        <source>Show the selected run with its timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="94"/>
        <source>&amp;Cancel runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="94"/>
        <source>Cancel the selected runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="95"/>
        <source>Re&amp;try runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="96"/>
        <source>Retry the selected failed or cancelled runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="97"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="97"/>
        <source>Load the list again from the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="127"/>
        <source>The runs could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="261"/>
        <source>Select the runs first (Shift or Ctrl with a click or the arrow keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="265"/>
        <source>Cancel %n run(s)?</source>
        <translation>
            <numerusform>Cancel %n run?</numerusform>
            <numerusform>Cancel %n runs?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="265"/>
        <source>Retry %n run(s)?</source>
        <translation>
            <numerusform>Retry %n run?</numerusform>
            <numerusform>Retry %n runs?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="266"/>
        <source>Cancel the %n selected run(s)? Pending runs will not start; running ones stop before their next step. Runs that have ended already stay as they are.</source>
        <translation>
            <numerusform>Cancel the %n selected run? Pending runs will not start; running ones stop before their next step. Runs that have ended already stay as they are.</numerusform>
            <numerusform>Cancel the %n selected runs? Pending runs will not start; running ones stop before their next step. Runs that have ended already stay as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="269"/>
        <source>Start a retry of each of the %n selected run(s)? Each retry resumes at the first step that did not succeed. Only failed and cancelled runs can be retried; the others are left alone and counted.</source>
        <translation>
            <numerusform>Start a retry of each of the %n selected run? Each retry resumes at the first step that did not succeed. Only failed and cancelled runs can be retried; the others are left alone and counted.</numerusform>
            <numerusform>Start a retry of each of the %n selected runs? Each retry resumes at the first step that did not succeed. Only failed and cancelled runs can be retried; the others are left alone and counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="273"/>
        <source>Cancel %n run(s)</source>
        <translation>
            <numerusform>Cancel %n run</numerusform>
            <numerusform>Cancel %n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="273"/>
        <source>Retry %n run(s)</source>
        <translation>
            <numerusform>Retry %n run</numerusform>
            <numerusform>Retry %n runs</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="279"/>
        <source>Cancelling: %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="280"/>
        <source>Retrying: %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="328"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="330"/>
        <source>All %Ln run(s)</source>
        <translation>
            <numerusform>All %Ln run</numerusform>
            <numerusform>All %Ln runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="332"/>
        <source>%Ln run(s) loaded; more as you scroll down</source>
        <translation>
            <numerusform>%Ln run loaded; more as you scroll down</numerusform>
            <numerusform>%Ln runs loaded; more as you scroll down</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::console::StepResultModel</name>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="105"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="107"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="109"/>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="111"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="113"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="115"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="117"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::StuckRunModel</name>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="113"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="115"/>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="117"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="119"/>
        <source>Stuck for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="121"/>
        <source>Lease owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="123"/>
        <source>Executions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="125"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::StuckRunsPage</name>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="38"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="39"/>
        <source>A pending run counts as stuck after this long without a worker taking it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="40"/>
        <source>Pending &amp;longer than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="61"/>
        <source>Re&amp;queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="62"/>
        <source>Put the selected runs back on the queue for a worker to resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="63"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="63"/>
        <source>Ask for the stuck runs now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="64"/>
        <source>&amp;Open run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="65"/>
        <source>Show the selected run in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="86"/>
        <source>The stuck runs could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="92"/>
        <source>Not loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="134"/>
        <source>No stuck runs: every run is moving (as of %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/stuckrunspage.cpp" line="135"/>
        <source>%n stuck run(s) (as of %1). Requeue puts a run back on the queue; a worker resumes it at its first unfinished step.</source>
        <translation>
            <numerusform>%n stuck run (as of %1). Requeue puts a run back on the queue; a worker resumes it at its first unfinished step.</numerusform>
            <numerusform>%n stuck runs (as of %1). Requeue puts a run back on the queue; a worker resumes it at its first unfinished step.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="156"/>
        <source>Select the runs to requeue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/stuckrunspage.cpp" line="159"/>
        <source>Requeue %n run(s)?</source>
        <translation>
            <numerusform>Requeue %n run?</numerusform>
            <numerusform>Requeue %n runs?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/stuckrunspage.cpp" line="160"/>
        <source>Put the %n selected run(s) back on the queue? A worker resumes each at its first unfinished step. A run that is running under a live lease, or has ended, is left alone.</source>
        <translation>
            <numerusform>Put the %n selected run back on the queue? A worker resumes each at its first unfinished step. A run that is running under a live lease, or has ended, is left alone.</numerusform>
            <numerusform>Put the %n selected runs back on the queue? A worker resumes each at its first unfinished step. A run that is running under a live lease, or has ended, is left alone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/stuckrunspage.cpp" line="163"/>
        <source>Requeue %n run(s)</source>
        <translation>
            <numerusform>Requeue %n run</numerusform>
            <numerusform>Requeue %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::console::TrayNotifier</name>
    <message>
        <location filename="../console/ui/traynotifier.cpp" line="32"/>
        <source>Workflow console: waiting for the first answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::TriggerDialog</name>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="30"/>
        <source>Trigger a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="32"/>
        <source>Start a run of &lt;b&gt;%1&lt;/b&gt; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="36"/>
        <source>&amp;Payload (a JSON object; empty means {}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="57"/>
        <source>optional: sending the same key again answers the same run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="58"/>
        <source>&amp;New key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="59"/>
        <source>Fill in a random key, to repeat this trigger safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="65"/>
        <source>&amp;Idempotency key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="76"/>
        <source>&amp;Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="78"/>
        <source>Send the trigger (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="102"/>
        <source>The payload is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="124"/>
        <source>The platform accepted the trigger but named no run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="125"/>
        <source>The run was not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wf::console::WorkflowsPage</name>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="62"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="62"/>
        <source>Start a new workflow definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="63"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="64"/>
        <source>Save the definition: a new workflow, or a new version of this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="65"/>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="65"/>
        <source>Throw away the changes since the last save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="66"/>
        <source>&amp;Trigger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="66"/>
        <source>Start a run of this workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="67"/>
        <source>Show r&amp;uns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="68"/>
        <source>Open the run browser filtered to this workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="69"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="69"/>
        <source>Load the list of workflows again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="126"/>
        <source>The list of workflows could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="192"/>
        <location filename="../console/ui/workflowspage.cpp" line="214"/>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="193"/>
        <source>The definition in the editor has changes that are not saved. Discard them and start a new one?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="194"/>
        <location filename="../console/ui/workflowspage.cpp" line="217"/>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="208"/>
        <source>Workflow %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="215"/>
        <source>The definition in the editor has changes that are not saved. Discard them and open the other workflow?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="240"/>
        <location filename="../console/ui/workflowspage.cpp" line="272"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="255"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="264"/>
        <source>The platform refused the definition: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="292"/>
        <source>Workflow “%1” created (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="293"/>
        <source>Workflow “%1” saved as version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="300"/>
        <source>Save the workflow before triggering it (Ctrl+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="304"/>
        <source>The run uses version %1 as saved, not the changes in the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="312"/>
        <source>Run %1 triggered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="321"/>
        <source>Not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="337"/>
        <source> — changed, not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="339"/>
        <source>&lt;b&gt;New workflow&lt;/b&gt; — not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="341"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · version %2 · %3%4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
