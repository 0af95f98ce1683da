// WrappingLabel remembers heights per width: it must answer as a plain QLabel would, for every
// width, before and after anything its height depends on changes.
#include "wrappinglabel.h"

#include <QTest>

using namespace agentfolio;

namespace {

const QString Sentence = QStringLiteral(
    "A simulation on this computer. No real money moves and nothing reaches eToro. Add your "
    "eToro account to create real portfolios.");

// A plain QLabel set up like `label`: what WrappingLabel must answer.
int plainHeight(const WrappingLabel &label, int width)
{
    QLabel plain(label.text());
    plain.setWordWrap(label.wordWrap());
    plain.setTextFormat(label.textFormat());
    plain.setFont(label.font());
    plain.setContentsMargins(label.contentsMargins());
    plain.setMargin(label.margin());
    plain.setIndent(label.indent());
    return plain.heightForWidth(width);
}

} // namespace

class TestWrappingLabel : public QObject
{
    Q_OBJECT
private slots:
    void answersAsQLabelAfterEachChange_data();
    void answersAsQLabelAfterEachChange();
    void plainTextByDefault();
};

void TestWrappingLabel::answersAsQLabelAfterEachChange_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("text") << QStringLiteral("text");
    QTest::newRow("font") << QStringLiteral("font");
    QTest::newRow("contents margins") << QStringLiteral("margins");
    QTest::newRow("margin") << QStringLiteral("margin");
    QTest::newRow("indent") << QStringLiteral("indent");
    QTest::newRow("no wrap") << QStringLiteral("wrap");
}

void TestWrappingLabel::answersAsQLabelAfterEachChange()
{
    QFETCH(QString, change);
    WrappingLabel label(Sentence);
    const QList<int> widths = { 80, 200, 379, 506, 922, 200, 80, 1200, 379 };
    for (int width : widths)
        QCOMPARE(label.heightForWidth(width), plainHeight(label, width));

    if (change == QLatin1String("text")) {
        label.setText(Sentence + QLatin1Char(' ') + Sentence);
    } else if (change == QLatin1String("font")) {
        QFont bigger = label.font();
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        label.setFont(bigger);
    } else if (change == QLatin1String("margins")) {
        label.setContentsMargins(40, 0, 40, 0);
    } else if (change == QLatin1String("margin")) {
        label.setMargin(30);
    } else if (change == QLatin1String("indent")) {
        label.setIndent(60);
    } else if (change == QLatin1String("wrap")) {
        label.setWordWrap(false);
    }
    // Each answer differs from before the change for at least one width: the test would see
    // a stale one.
    bool anyDiffers = false;
    for (int width : widths) {
        const int expected = plainHeight(label, width);
        QCOMPARE(label.heightForWidth(width), expected);
        WrappingLabel fresh(Sentence);
        anyDiffers = anyDiffers || fresh.heightForWidth(width) != expected;
    }
    QVERIFY2(anyDiffers, "the change does not change any height; the row proves nothing");
}

void TestWrappingLabel::plainTextByDefault()
{
    WrappingLabel label(QStringLiteral("<b>not bold</b>"));
    QCOMPARE(label.textFormat(), Qt::PlainText);
    QVERIFY(label.wordWrap());
}

QTEST_MAIN(TestWrappingLabel)
#include "tst_wrappinglabel.moc"
