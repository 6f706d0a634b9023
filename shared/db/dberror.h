#pragma once

#include <QByteArray>
#include <QString>

#include <exception>

namespace wf::db {

// A failure reported by PostgreSQL or libpq. Thrown only inside database threads; the pool turns
// it into a wf::Error before any caller sees it.
class DbError : public std::exception
{
public:
    DbError(QString message, QByteArray sqlState, bool connectionLost)
        : m_message(std::move(message)), m_sqlState(std::move(sqlState)), m_connectionLost(connectionLost)
    {
    }

    const char *what() const noexcept override { return "database error"; }
    const QString &message() const { return m_message; }
    const QByteArray &sqlState() const { return m_sqlState; }
    bool connectionLost() const { return m_connectionLost; }
    // Worth running again on a fresh connection or transaction: connection trouble, deadlock,
    // serialization failure, PgBouncer or server restarting.
    bool transient() const;

private:
    QString m_message;
    QByteArray m_sqlState;
    bool m_connectionLost;
};

} // namespace wf::db
