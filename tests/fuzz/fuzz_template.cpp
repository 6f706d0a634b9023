// The template language of step configs: any text parsed and, when it parses, rendered against a
// run's context under a byte budget (a template may only fail, never run away).
#include "core/json.h"
#include "workflow/templateengine.h"
#include "workflow/templatestring.h"

#include <QJsonArray>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)wf::TemplateString::parse(text);
    static const wf::TemplateContext context = [] {
        wf::TemplateContext c;
        c.payload = wf::json::parse(R"({"user": {"id": 7, "tags": ["a", "b"]}, "n": 2, "text": "${not.a.template}"})")->toObject();
        c.steps.insert(QStringLiteral("first"), wf::json::parse(R"({"output": {"list": [1, [2, 3], {"k": "v"}]}, "status": "success"})")->toObject());
        c.run = QJsonObject{{QStringLiteral("id"), QStringLiteral("0123456789abcdef0123456789abcdef")}};
        return c;
    }();
    wf::RenderBudget budget{1 << 20, {}};
    const QJsonValue value = QJsonArray{text, QJsonObject{{QStringLiteral("k"), text}}};
    const auto rendered = wf::TemplateEngine::render(value, context, &budget);
    if (rendered && wf::json::sizeAtMost(*rendered, (1 << 20) + 1) > (1 << 20) + 64)
        __builtin_trap(); // produced more than its budget
    (void)wf::TemplateEngine::validate(value, {QStringLiteral("first")}, QStringLiteral("steps[1]"));
    return 0;
}
