#include "domain/scopes.h"

namespace agentfolio {

QString Scopes::apiName(int id)
{
    switch (id) {
    case RealRead:
        return QStringLiteral("etoro-public:real:read");
    case DemoRead:
        return QStringLiteral("etoro-public:demo:read");
    case RealWrite:
        return QStringLiteral("etoro-public:real:write");
    case DemoWrite:
        return QStringLiteral("etoro-public:demo:write");
    default:
        return {};
    }
}

std::optional<int> Scopes::fromApiName(QStringView name)
{
    for (int id : all()) {
        if (name.compare(apiName(id), Qt::CaseInsensitive) == 0)
            return id;
    }
    return std::nullopt;
}

QString Scopes::displayName(int id)
{
    switch (id) {
    case RealRead:
        return tr("Real account: read");
    case DemoRead:
        return tr("Demo account: read");
    case RealWrite:
        return tr("Real account: trade");
    case DemoWrite:
        return tr("Demo account: trade");
    default:
        return tr("Unknown scope %1").arg(id);
    }
}

} // namespace agentfolio
