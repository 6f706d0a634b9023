// API keys without a database or sockets: the key format and its digest, the ring of valid keys
// (bootstrap key, revocation, the wait for the next refresh), what counts as a secret to redact,
// and the secrets a server refuses to start with.
#include "auth/apitoken.h"
#include "auth/keyring.h"
#include "auth/secretcheck.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace wf::auth;

class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokensRoundTripAndMalformedOnesAreRefused()
    {
        const ApiToken token = ApiToken::generate();
        QCOMPARE(token.id.size(), 12);
        QCOMPARE(token.secret.size(), 43);
        const QByteArray text = token.text();
        QVERIFY(text.startsWith(QByteArray("wf_" + token.id.toLatin1() + "_")));
        const auto parsed = ApiToken::parse(text);
        QVERIFY(parsed);
        QCOMPARE(parsed->id, token.id);
        QCOMPARE(parsed->secret, token.secret);
        QCOMPARE(parsed->digest(), token.digest());
        QCOMPARE(token.digest().size(), 64);
        QVERIFY(ApiToken::generate().text() != text);

        QVERIFY(!ApiToken::parse(""));
        QVERIFY(!ApiToken::parse(text.chopped(1)));
        QVERIFY(!ApiToken::parse(QByteArray(text + "A")));
        QVERIFY(!ApiToken::parse(QByteArray("xx" + text.mid(2))));
        QByteArray upperId = text;
        upperId[3] = 'A';
        QVERIFY(!ApiToken::parse(upperId));
        QByteArray badSecret = text;
        badSecret[text.size() - 1] = '=';
        QVERIFY(!ApiToken::parse(badSecret));
        QByteArray noSeparator = text;
        noSeparator[15] = 'x';
        QVERIFY(!ApiToken::parse(noSeparator));
    }

    void constantTimeEqualityIsEquality()
    {
        QVERIFY(constantTimeEquals("abc", "abc"));
        QVERIFY(!constantTimeEquals("abc", "abd"));
        QVERIFY(!constantTimeEquals("abc", "abcd"));
        QVERIFY(constantTimeEquals("", ""));
    }

    void theRingKnowsValidKeysOnly()
    {
        KeyRing ring;
        const ApiToken client = ApiToken::generate();
        const ApiToken operatorKey = ApiToken::generate();
        ring.replace({{client.id, u"ci"_s, Role::Client, client.digest()}, {operatorKey.id, u"ops"_s, Role::Operator, operatorKey.digest()}});
        QCOMPARE(ring.size(), 2);
        QVERIFY(ring.loaded());
        const auto who = ring.verify(client.text());
        QVERIFY(who);
        QCOMPARE(who->keyId, client.id);
        QCOMPARE(who->name, u"ci"_s);
        QCOMPARE(who->role, Role::Client);
        QCOMPARE(ring.verify(operatorKey.text())->role, Role::Operator);

        // Right id, wrong secret; unknown id; garbage.
        ApiToken forged = client;
        forged.secret = ApiToken::generate().secret;
        QVERIFY(!ring.verify(forged.text()));
        QVERIFY(!ring.verify(ApiToken::generate().text()));
        QVERIFY(!ring.verify("Bearer nonsense"));
        QVERIFY(!ring.verify(""));

        // Revoked here, or gone from the next load.
        ring.remove(client.id);
        QVERIFY(!ring.verify(client.text()));
        ring.insert({client.id, u"ci"_s, Role::Client, client.digest()});
        QVERIFY(ring.verify(client.text()));
        ring.replace({{operatorKey.id, u"ops"_s, Role::Operator, operatorKey.digest()}});
        QVERIFY(!ring.verify(client.text()));
        QVERIFY(ring.verify(operatorKey.text()));

        QVERIFY(grants(Role::Operator, Role::Client));
        QVERIFY(grants(Role::Operator, Role::Operator));
        QVERIFY(grants(Role::Client, Role::Client));
        QVERIFY(!grants(Role::Client, Role::Operator));
        QCOMPARE(parseRole(u"operator"_s), Role::Operator);
        QVERIFY(!parseRole(u"admin"_s));
    }

    void theBootstrapTokenIsAnOperator()
    {
        KeyRing ring;
        const QByteArray bootstrap = "a-long-bootstrap-operator-token-for-tests-0001";
        QVERIFY(!ring.verify(bootstrap));
        ring.setBootstrapToken(bootstrap);
        const auto who = ring.verify(bootstrap);
        QVERIFY(who);
        QCOMPARE(who->role, Role::Operator);
        QCOMPARE(who->keyId, u"bootstrap"_s);
        QVERIFY(!ring.verify(bootstrap.chopped(1)));
        ring.setBootstrapToken({});
        QVERIFY(!ring.verify(bootstrap));
        QVERIFY(!ring.verify(""));
    }

    void waitersRunAfterTheNextRefreshOnly()
    {
        KeyRing ring;
        int ran = 0;
        auto context = std::make_unique<QObject>();
        ring.afterNextRefresh(context.get(), [&] { ++ran; });
        QCoreApplication::processEvents();
        QCOMPARE(ran, 0);
        ring.replace({});
        QTRY_COMPARE(ran, 1);
        ring.replace({});
        QCoreApplication::processEvents();
        QCOMPARE(ran, 1); // once
        // A context gone by then is not called.
        ring.afterNextRefresh(context.get(), [&] { ++ran; });
        context.reset();
        ring.replace({});
        QCoreApplication::processEvents();
        QCOMPARE(ran, 1);
    }

    void secretLookingValuesAreRecognised_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("secret");
        QTest::newRow("bearer") << u"Authorization"_s << u"Bearer abc"_s << true;
        QTest::newRow("basic anywhere") << u"X-Forward"_s << u"Basic dXNlcjpwYXNz"_s << true;
        QTest::newRow("api key header") << u"X-Api-Key"_s << u"k1"_s << true;
        QTest::newRow("token header") << u"X-Auth-Token"_s << u"abc"_s << true;
        QTest::newRow("cookie") << u"Cookie"_s << u"session=1"_s << true;
        QTest::newRow("our key") << u"X-Whatever"_s << u"wf_0123456789ab_xyz"_s << true;
        QTest::newRow("long key-like") << u"X-Signature-Less"_s << u"3f7a9c0e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a"_s << true;
        QTest::newRow("content type") << u"Content-Type"_s << u"application/json"_s << false;
        QTest::newRow("short custom") << u"X-Trace"_s << u"abc-123"_s << false;
        QTest::newRow("template only") << u"Authorization"_s << u"Bearer ${payload.token}"_s << false;
        QTest::newRow("template key") << u"X-Api-Key"_s << u"${payload.key}"_s << false;
        QTest::newRow("template and literal") << u"X-Api-Key"_s << u"k-${payload.n}"_s << true;
        QTest::newRow("empty") << u"Authorization"_s << u""_s << false;
    }

    void secretLookingValuesAreRecognised()
    {
        QFETCH(QString, header);
        QFETCH(QString, value);
        QFETCH(bool, secret);
        QCOMPARE(looksSecret(header, value), secret);
    }

    void placeholderSecretsStopTheServer()
    {
        const QString good = u"4f9e2c1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e"_s;
        const auto check = [](bool required, const QString &token, const QString &database, const QString &redis) {
            return SecretCheck{required, token, database, redis}.verify();
        };
        const auto refused = [&](bool required, const QString &token, const QString &database, const QString &redis,
                                 const QString &word) {
            const auto status = check(required, token, database, redis);
            return !status.ok() && status.error().detail().contains(word);
        };
        QVERIFY(check(true, good, u"postgresql://wf:pw@db:5432/wf"_s, {}).ok());
        QVERIFY(check(false, {}, {}, {}).ok());
        QVERIFY(check(false, good, {}, {}).ok());
        QVERIFY(refused(true, {}, {}, {}, u"WF_ADMIN_TOKEN"_s));
        QVERIFY(refused(true, u"CHANGE_ME"_s, {}, {}, u"placeholder"_s));
        QVERIFY(refused(false, u"changeme"_s, {}, {}, u"placeholder"_s));
        QVERIFY(refused(false, u"short-token"_s, {}, {}, u"32"_s));
        QVERIFY(refused(true, good, u"postgresql://wf:CHANGE_ME@pgbouncer:6432/workflow"_s, {}, u"WF_DATABASE_URL"_s));
        QVERIFY(refused(true, good, {}, u"redis://:change-me@redis:6379/0"_s, u"WF_REDIS_URL"_s));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
