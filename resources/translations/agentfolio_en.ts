<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <location filename="../../app/api/apierror.cpp" line="+153"/>
        <source>Too many requests: eToro allows 60 per minute. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many requests: eToro allows 60 per minute. Try again in %n second.</numerusform>
            <numerusform>Too many requests: eToro allows 60 per minute. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agentfolio::AccountDialog</name>
    <message numerus="yes">
        <location filename="../../ui/accountdialog.cpp" line="+167"/>
        <source>A name for this account in Agentfolio, up to %n character(s). Only you see it.</source>
        <translation>
            <numerusform>A name for this account in Agentfolio, up to %n character. Only you see it.</numerusform>
            <numerusform>A name for this account in Agentfolio, up to %n characters. Only you see it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agentfolio::ApiClient</name>
    <message numerus="yes">
        <location filename="../../app/api/apiclient.cpp" line="+366"/>
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>no answer within %n second</numerusform>
            <numerusform>no answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agentfolio::DeletePortfolioDialog</name>
    <message numerus="yes">
        <location filename="../../ui/deleteportfoliodialog.cpp" line="+26"/>
        <source>Deleting the agent portfolio “%1” on eToro stops its copy mirror and revokes every one of its tokens (%n token(s)): agents using them lose access at once. Their secrets are then removed from this computer. This cannot be undone.</source>
        <translation>
            <numerusform>Deleting the agent portfolio “%1” on eToro stops its copy mirror and revokes its token (%n token): an agent using it loses access at once. Its secret is then removed from this computer. This cannot be undone.</numerusform>
            <numerusform>Deleting the agent portfolio “%1” on eToro stops its copy mirror and revokes every one of its tokens (%n tokens): agents using them lose access at once. Their secrets are then removed from this computer. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agentfolio::MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/mainwindow.cpp" line="+169"/>
        <source>Clipboard clears in %n second(s)</source>
        <translation>
            <numerusform>Clipboard clears in %n second</numerusform>
            <numerusform>Clipboard clears in %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+444"/>
        <source>The answer did carry %n token(s), which Agentfolio holds for now: choose Check now to find the portfolio and save them in the keychain.</source>
        <translation>
            <numerusform>The answer did carry %n token, which Agentfolio holds for now: choose Check now to find the portfolio and save it in the keychain.</numerusform>
            <numerusform>The answer did carry %n tokens, which Agentfolio holds for now: choose Check now to find the portfolio and save them in the keychain.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>%1 was created: it is now in your list. Its answer carried %n token value(s) that Agentfolio could not save, shown below: keep them safe now, in your agent&apos;s configuration or a password manager.</source>
        <translation>
            <numerusform>%1 was created: it is now in your list. Its answer carried %n token value that Agentfolio could not save, shown below: keep it safe now, in your agent&apos;s configuration or a password manager.</numerusform>
            <numerusform>%1 was created: it is now in your list. Its answer carried %n token values that Agentfolio could not save, shown below: keep them safe now, in your agent&apos;s configuration or a password manager.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>Leave %n token value(s) unsaved?</source>
        <translation>
            <numerusform>Leave %n token value unsaved?</numerusform>
            <numerusform>Leave %n token values unsaved?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n token value(s) shown for %1 are saved nowhere: if you go on, they are gone for good, and eToro never shows them again. Put them in your agent&apos;s configuration or a password manager first.</source>
        <translation>
            <numerusform>%n token value shown for %1 is saved nowhere: if you go on, it is gone for good, and eToro never shows it again. Put it in your agent&apos;s configuration or a password manager first.</numerusform>
            <numerusform>%n token values shown for %1 are saved nowhere: if you go on, they are gone for good, and eToro never shows them again. Put them in your agent&apos;s configuration or a password manager first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Lose %n token value(s)</source>
        <translation>
            <numerusform>Lose %n token value</numerusform>
            <numerusform>Lose %n token values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+99"/>
        <source>%n token(s) could not be saved in the keychain: %1. If you quit now, their values are lost for good; eToro never shows a token again. Put them in your agent&apos;s configuration or a password manager first, or retry saving.</source>
        <translation>
            <numerusform>%n token could not be saved in the keychain: %1. If you quit now, its value is lost for good; eToro never shows a token again. Put it in your agent&apos;s configuration or a password manager first, or retry saving.</numerusform>
            <numerusform>%n tokens could not be saved in the keychain: %1. If you quit now, their values are lost for good; eToro never shows a token again. Put them in your agent&apos;s configuration or a password manager first, or retry saving.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n token value(s) shown for %1 could not be saved and are held only in memory: if you quit, they are gone for good. Put them in your agent&apos;s configuration or a password manager first.</source>
        <translation>
            <numerusform>%n token value shown for %1 could not be saved and is held only in memory: if you quit, it is gone for good. Put it in your agent&apos;s configuration or a password manager first.</numerusform>
            <numerusform>%n token values shown for %1 could not be saved and are held only in memory: if you quit, they are gone for good. Put them in your agent&apos;s configuration or a password manager first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agentfolio::ProfileStore</name>
    <message numerus="yes">
        <location filename="../../app/store/profilestore.cpp" line="+70"/>
        <source>The profile name is longer than %n character(s).</source>
        <translation>
            <numerusform>The profile name is longer than %n character.</numerusform>
            <numerusform>The profile name is longer than %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agentfolio::TokenManager</name>
    <message numerus="yes">
        <location filename="../../app/session/tokenmanager.cpp" line="+172"/>
        <source>%n new portfolio(s)</source>
        <translation>
            <numerusform>%n new portfolio</numerusform>
            <numerusform>%n new portfolios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n portfolio(s) no longer on eToro</source>
        <translation>
            <numerusform>%n portfolio no longer on eToro</numerusform>
            <numerusform>%n portfolios no longer on eToro</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n new token(s)</source>
        <translation>
            <numerusform>%n new token</numerusform>
            <numerusform>%n new tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n token(s) no longer on eToro</source>
        <translation>
            <numerusform>%n token no longer on eToro</numerusform>
            <numerusform>%n tokens no longer on eToro</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Up to date: %n portfolio(s) on eToro, nothing new.</source>
        <translation>
            <numerusform>Up to date: %n portfolio on eToro, nothing new.</numerusform>
            <numerusform>Up to date: %n portfolios on eToro, nothing new.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+78"/>
        <source>%n token secret(s) could not be removed from the keychain (they no longer work):</source>
        <translation>
            <numerusform>%n token secret could not be removed from the keychain (it no longer works):</numerusform>
            <numerusform>%n token secrets could not be removed from the keychain (they no longer work):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agentfolio::TokensPage</name>
    <message numerus="yes">
        <location filename="../../ui/tokenspage.cpp" line="+743"/>
        <source>%n token(s), </source>
        <translation>
            <numerusform>%n token, </numerusform>
            <numerusform>%n tokens, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n with its secret stored here</source>
        <translation>
            <numerusform>%n with its secret stored here</numerusform>
            <numerusform>%n with their secrets stored here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+128"/>
        <source>Copied the secret of “%1”. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Copied the secret of “%1”. The clipboard is cleared in %n second.</numerusform>
            <numerusform>Copied the secret of “%1”. The clipboard is cleared in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Copied %1=… for an agent&apos;s configuration. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Copied %1=… for an agent&apos;s configuration. The clipboard is cleared in %n second.</numerusform>
            <numerusform>Copied %1=… for an agent&apos;s configuration. The clipboard is cleared in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
