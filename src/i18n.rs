//! The tool's own words (survey prompts, progress, report headings) in the languages of the
//! bundled questionnaire. Questionnaire texts are translated in the questionnaire itself; this
//! catalogue covers everything around them.
//!
//! Entries are looked up by their English text, so English needs no entry and an untranslated
//! phrase falls back to English. Placeholders such as `{n}` are filled by [`fill`].

/// Languages the catalogue covers, besides English.
const LANGUAGES: [&str; 4] = ["fr", "nl", "it", "zh"];

/// (English, French, Dutch, Italian, Chinese)
type Entry = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const CATALOGUE: &[Entry] = &[
    // Report: the placement block
    ("Placement: {name} ({level})", "Positionnement : {name} ({level})", "Positie: {name} ({level})", "Posizionamento: {name} ({level})", "定位：{name}（{level}）"),
    ("stage {k} of {n}", "étape {k} sur {n}", "fase {k} van {n}", "fase {k} di {n}", "第 {k} 阶段，共 {n} 个"),
    ("below stage 1", "en deçà de l’étape 1", "onder fase 1", "sotto la fase 1", "未达第 1 阶段"),
    ("Maturity index {index} of {n} - overall score {score} - {answered} of {total} items answered", "Indice de maturité {index} sur {n} - score global {score} - {answered} items renseignés sur {total}", "Volwassenheidsindex {index} van {n} - totaalscore {score} - {answered} van {total} items beantwoord", "Indice di maturità {index} su {n} - punteggio complessivo {score} - risposte a {answered} item su {total}", "成熟度指数 {index}（满分 {n}）- 总分 {score} - {total} 个题项中已答 {answered} 个"),
    ("Overall score {score} - {answered} of {total} items answered", "Score global {score} - {answered} items renseignés sur {total}", "Totaalscore {score} - {answered} van {total} items beantwoord", "Punteggio complessivo {score} - risposte a {answered} item su {total}", "总分 {score} - {total} 个题项中已答 {answered} 个"),
    ("(anonymous)", "(anonyme)", "(anoniem)", "(anonimo)", "（匿名）"),
    ("group of {n} respondents", "groupe de {n} répondants", "groep van {n} respondenten", "gruppo di {n} rispondenti", "{n} 名受访者组成的小组"),
    // Report: the stage ladder and the dimension profile
    ("Stage", "Étape", "Fase", "Fase", "阶段"),
    ("Score", "Score", "Score", "Punteggio", "得分"),
    ("Needs", "Seuil", "Drempel", "Soglia", "门槛"),
    ("Status", "Statut", "Status", "Stato", "状态"),
    ("reached", "atteinte", "bereikt", "raggiunta", "已达到"),
    ("passes on its own; a lower stage is not reached (uneven foundation)", "validée en soi ; une étape inférieure n’est pas atteinte (socle fragile)", "op zichzelf gehaald; een lagere fase is niet bereikt (ongelijk fundament)", "superata di per sé; una fase inferiore non è raggiunta (basi disomogenee)", "本阶段单独达标，但有较低阶段未达到（基础不均衡）"),
    ("insufficient evidence: {answered} of {total} answered", "données insuffisantes : {answered} réponses sur {total}", "onvoldoende gegevens: {answered} van {total} beantwoord", "dati insufficienti: risposte a {answered} item su {total}", "依据不足：{total} 题中仅答 {answered} 题"),
    ("not reached: {why}", "non atteinte : {why}", "niet bereikt: {why}", "non raggiunta: {why}", "未达到：{why}"),
    ("score below threshold", "score sous le seuil", "score onder de drempel", "punteggio sotto la soglia", "得分低于门槛"),
    ("blocked by {items}", "bloquée par {items}", "geblokkeerd door {items}", "bloccata da {items}", "受阻于 {items}"),
    ("Dimension", "Dimension", "Dimensie", "Dimensione", "维度"),
    ("Answered", "Réponses", "Beantwoord", "Risposte", "已答"),
    ("{answered} of {total}", "{answered} sur {total}", "{answered} van {total}", "{answered} su {total}", "{answered}（共 {total}）"),
    // Report: recommendations and the customer's view
    ("Recommendations", "Recommandations", "Aanbevelingen", "Raccomandazioni", "建议"),
    ("Next step, towards {stage}: ", "Pour avancer vers {stage} : ", "Volgende stap, naar {stage}: ", "Prossimo passo, verso {stage}: ", "下一步，迈向{stage}："),
    ("How customers see you", "Le regard des clients", "Hoe klanten je zien", "Come i clienti vedono l'organizzazione", "客户眼中的组织"),
    ("Warnings", "Avertissements", "Waarschuwingen", "Avvertenze", "警告"),
    // Group report
    ("Individual placements", "Positionnements individuels", "Individuele posities", "Posizionamenti individuali", "个人定位"),
    ("Placement", "Positionnement", "Positie", "Posizionamento", "定位"),
    ("Respondents", "Répondants", "Respondenten", "Rispondenti", "受访者"),
    ("Items to discuss (the spread of answers is at least a quarter of the scale)", "Items à discuter (l’écart entre les réponses atteint au moins un quart de l’échelle)", "Items om te bespreken (de spreiding van de antwoorden is minstens een kwart van de schaal)", "Item da discutere (la dispersione delle risposte è pari ad almeno un quarto della scala)", "需讨论的题项（回答的分散程度至少达到量表的四分之一）"),
    ("none: the room broadly agrees on every item", "aucun : le groupe est globalement d’accord sur chaque item", "geen: de groep is het over elk item grotendeels eens", "nessuno: il gruppo è sostanzialmente d'accordo su ogni item", "无：全体参与者在每个题项上基本一致"),
    ("Item", "Item", "Item", "Item", "题项"),
    ("Mean", "Moyenne", "Gemiddelde", "Media", "均值"),
    ("SD", "É.-T.", "SD", "DS", "标准差"),
    ("Answers", "Réponses", "Antwoorden", "Risposte", "回答数"),
    ("Statement", "Affirmation", "Stelling", "Affermazione", "陈述"),
    ("Every item (mean and standard deviation in scale points)", "Tous les items (moyenne et écart-type en points d’échelle)", "Alle items (gemiddelde en standaarddeviatie in schaalpunten)", "Tutti gli item (media e deviazione standard in punti della scala)", "全部题项（均值和标准差以量表分值计）"),
    ("discuss", "à discuter", "bespreken", "da discutere", "需讨论"),
    ("Notes", "Notes", "Notities", "Note", "备注"),
    ("By {field}", "Par {field}", "Per {field}", "Per {field}", "按 {field}"),
    ("All", "Tous", "Alle", "Tutti", "全体"),
    ("Index", "Indice", "Index", "Indice", "指数"),
    ("Items to discuss", "Items à discuter", "Items om te bespreken", "Item da discutere", "需讨论的题项"),
    ("Reliability: Cronbach's alpha of 0.7 or more is usually read as the items of a set measuring one thing; an item whose correlation with the rest of its set (item-rest r) is below 0.3 may be measuring something else.", "Fiabilité : un Cronbach's alpha de 0,7 ou plus est généralement interprété comme le signe que les items d’un ensemble mesurent une même chose ; un item dont la corrélation avec le reste de son ensemble (item-rest r) est inférieure à 0,3 mesure peut-être autre chose.", "Betrouwbaarheid: een Cronbach's alpha van 0,7 of hoger geldt doorgaans als teken dat de items van een set één ding meten; een item waarvan de correlatie met de rest van zijn set (item-rest r) onder 0,3 ligt, meet mogelijk iets anders.", "Affidabilità: un Cronbach's alpha pari o superiore a 0,7 indica di norma che gli item di un insieme misurano una stessa cosa; un item la cui correlazione con il resto del suo insieme (item-rest r) è inferiore a 0,3 potrebbe misurare qualcos'altro.", "信度：Cronbach's alpha 达到 0.7 及以上，通常表示同一组题项测量的是同一事物；若某题项与本组其余题项的相关系数（item-rest r）低于 0.3，它测量的可能是别的东西。"),
    ("Set", "Ensemble", "Set", "Insieme", "题组"),
    ("Items", "Items", "Items", "Item", "题项数"),
    ("Alpha", "Alpha", "Alpha", "Alpha", "Alpha"),
    ("Weakest item (item-rest r)", "Item le plus faible (item-rest r)", "Zwakste item (item-rest r)", "Item più debole (item-rest r)", "最弱题项（item-rest r）"),
    // Comparison report
    ("Before", "Avant", "Voormeting", "Prima", "前测"),
    ("After", "Après", "Nameting", "Dopo", "后测"),
    ("Change", "Évolution", "Verschil", "Variazione", "变化"),
    ("moved up", "en hausse", "gestegen", "salito", "上升"),
    ("moved down", "en baisse", "gedaald", "sceso", "下降"),
    ("unchanged", "inchangé", "ongewijzigd", "invariato", "不变"),
    ("Maturity index: {before} -> {after} ({change})", "Indice de maturité : {before} -> {after} ({change})", "Volwassenheidsindex: {before} -> {after} ({change})", "Indice di maturità: {before} -> {after} ({change})", "成熟度指数：{before} -> {after}（{change}）"),
    ("Overall score: {before} -> {after} ({change})", "Score global : {before} -> {after} ({change})", "Totaalscore: {before} -> {after} ({change})", "Punteggio complessivo: {before} -> {after} ({change})", "总分：{before} -> {after}（{change}）"),
    ("Placement: {before} -> {after} ({moved})", "Positionnement : {before} -> {after} ({moved})", "Positie: {before} -> {after} ({moved})", "Posizionamento: {before} -> {after} ({moved})", "定位：{before} -> {after}（{moved}）"),
    ("Biggest improvements", "Plus fortes progressions", "Grootste verbeteringen", "Miglioramenti maggiori", "提升最大"),
    ("Biggest declines", "Plus forts reculs", "Grootste dalingen", "Peggioramenti maggiori", "下降最大"),
    ("No item score moved.", "Aucun score d’item n’a évolué.", "Geen enkele itemscore is veranderd.", "Nessun punteggio di item è cambiato.", "所有题项得分均无变化。"),
    ("Items only in the after questionnaire (not compared): {items}", "Items présents uniquement dans le questionnaire « après » (non comparés) : {items}", "Items alleen in de vragenlijst van de nameting (niet vergeleken): {items}", "Item presenti solo nel questionario successivo (non confrontati): {items}", "仅见于后测问卷的题项（未比较）：{items}"),
    ("Items only in the before questionnaire (not compared): {items}", "Items présents uniquement dans le questionnaire « avant » (non comparés) : {items}", "Items alleen in de vragenlijst van de voormeting (niet vergeleken): {items}", "Item presenti solo nel questionario precedente (non confrontati): {items}", "仅见于前测问卷的题项（未比较）：{items}"),
    ("New recommendations", "Nouvelles recommandations", "Nieuwe aanbevelingen", "Nuove raccomandazioni", "新增建议"),
    ("No longer recommended", "Recommandations levées", "Niet langer aanbevolen", "Non più raccomandate", "不再建议"),
    // Survey
    ("Question {n} of {total}", "Question {n} sur {total}", "Vraag {n} van {total}", "Domanda {n} di {total}", "第 {n} 题，共 {total} 题"),
    ("Your answer", "Réponse", "Je antwoord", "Risposta", "您的回答"),
    ("{label} (not applicable)", "{label} (non applicable)", "{label} (niet van toepassing)", "{label} (non applicabile)", "{label}（不适用）"),
    ("? Show help for this question", "? Afficher l’aide de cette question", "? Toon hulp bij deze vraag", "? Mostra l'aiuto per questa domanda", "? 查看本题帮助"),
    ("< Back to the previous question", "< Revenir à la question précédente", "< Terug naar de vorige vraag", "< Torna alla domanda precedente", "< 返回上一题"),
    ("Save and quit (resume later)", "Enregistrer et quitter (reprendre plus tard)", "Opslaan en stoppen (later verdergaan)", "Salva ed esci (riprendi più tardi)", "保存并退出（稍后继续）"),
    ("Note (evidence or an example; Enter to skip)", "Note (élément factuel ou exemple ; Entrée pour passer)", "Notitie (onderbouwing of een voorbeeld; Enter om over te slaan)", "Nota (un'evidenza o un esempio; Invio per saltare)", "备注（依据或示例；按 Enter 跳过）"),
    ("{names} (b back, ? help, q quit)", "{names} (b retour, ? aide, q quitter)", "{names} (b terug, ? hulp, q stoppen)", "{names} (b indietro, ? aiuto, q esci)", "{names}（b 返回，? 帮助，q 退出）"),
    ("discuss: the room disagrees", "à discuter : le groupe est partagé", "bespreken: de groep is het oneens", "da discutere: il gruppo è diviso", "需讨论：参与者意见不一"),
    ("mean {mean}, sd {sd}", "moyenne {mean}, é.-t. {sd}", "gemiddelde {mean}, sd {sd}", "media {mean}, ds {sd}", "均值 {mean}，标准差 {sd}"),
    ("{title} ({n} questions)", "{title} ({n} questions)", "{title} ({n} vragen)", "{title} ({n} domande)", "{title}（共 {n} 题）"),
    ("Resuming: {answered} of {total} already answered.", "Reprise : {answered} réponses sur {total} déjà enregistrées.", "Verder waar je gebleven was: {answered} van {total} al beantwoord.", "Ripresa: risposte già date a {answered} domande su {total}.", "继续作答：{total} 题中已答 {answered} 题。"),
    ("Answers are saved to {path} after every question.", "Les réponses sont enregistrées dans {path} après chaque question.", "Antwoorden worden na elke vraag opgeslagen in {path}.", "Le risposte vengono salvate in {path} dopo ogni domanda.", "每答完一题，回答都会保存到 {path}。"),
    ("All {total} questions answered; saved to {path}.", "Les {total} questions sont toutes renseignées ; réponses enregistrées dans {path}.", "Alle {total} vragen beantwoord; opgeslagen in {path}.", "Risposte date a tutte le {total} domande; salvate in {path}.", "全部 {total} 题均已作答，已保存到 {path}。"),
    ("Not saved: {why}. The answer is kept: fix the problem and give it again to save it.", "Non enregistrée : {why}. La réponse est conservée : corrigez le problème et donnez-la de nouveau pour l’enregistrer.", "Niet opgeslagen: {why}. Het antwoord blijft bewaard: los het probleem op en geef het opnieuw om het op te slaan.", "Non salvata: {why}. La risposta è conservata: risolvete il problema e datela di nuovo per salvarla.", "未能保存：{why}。回答已保留：解决问题后再次作答即可保存。"),
    ("Saved {answered} of {total} answers to {path}.", "{answered} réponses sur {total} enregistrées dans {path}.", "{answered} van {total} antwoorden opgeslagen in {path}.", "Salvate {answered} risposte su {total} in {path}.", "已将 {total} 题中的 {answered} 个回答保存到 {path}。"),
    // `centricity show`
    ("Languages: {list}", "Langues : {list}", "Talen: {list}", "Lingue: {list}", "语言：{list}"),
    ("Mirrors the questions of `{id}`: each statement names the ones it reflects.", "Reflète les questions de `{id}` : chaque affirmation indique celles qu’elle reflète.", "Spiegelt de vragen van `{id}`: elke stelling noemt de vragen die ze weerspiegelt.", "Rispecchia le domande di `{id}`: ogni affermazione indica quelle che riflette.", "对应 `{id}` 的题目：每条陈述都注明了它所反映的题目。"),
    ("Scoring: a stage is reached at {threshold}% or more, with no item below {floor}% and at least {share}% of its items answered", "Notation : une étape est atteinte à partir de {threshold} %, sans item sous {floor} % et avec au moins {share} % de ses items renseignés", "Scoring: een fase is bereikt vanaf {threshold}%, zonder item onder {floor}% en met minstens {share}% van de items beantwoord", "Punteggio: una fase è raggiunta da {threshold}% in su, senza item sotto {floor}% e con almeno {share}% dei suoi item con risposta", "计分：阶段得分达到 {threshold}% 及以上、没有题项低于 {floor}%、且至少 {share}% 的题项已作答，即视为达到该阶段"),
    ("Scale `{id}`: {options}", "Échelle `{id}` : {options}", "Schaal `{id}`: {options}", "Scala `{id}`: {options}", "量表 `{id}`：{options}"),
    ("Dimensions: {list}", "Dimensions : {list}", "Dimensies: {list}", "Dimensioni: {list}", "维度：{list}"),
    ("Help: {text}", "Aide : {text}", "Toelichting: {text}", "Aiuto: {text}", "说明：{text}"),
    ("mirrors {ids}", "reflète {ids}", "spiegelt {ids}", "rispecchia {ids}", "对应 {ids}"),
    ("Stage {k} - {name} ({id}), threshold {threshold}%", "Étape {k} - {name} ({id}), seuil {threshold} %", "Fase {k} - {name} ({id}), drempel {threshold}%", "Fase {k} - {name} ({id}), soglia {threshold}%", "第 {k} 阶段 - {name}（{id}），门槛 {threshold}%"),
    ("Questions", "Questions", "Vragen", "Domande", "题目"),
    ("weight {w}", "poids {w}", "gewicht {w}", "peso {w}", "权重 {w}"),
    ("(reverse-keyed)", "(inversé)", "(omgekeerd gescoord)", "(punteggio invertito)", "（反向计分）"),
    // Report: the perception gap (centricity gap)
    ("{name}: ", "{name} : ", "{name}: ", "{name}: ", "{name}："),
    ("Perception gap", "Écart de perception", "Perceptiekloof", "Divario di percezione", "认知差距"),
    ("Internal view", "Regard interne", "Interne blik", "Visione interna", "内部视角"),
    ("Customer view", "Regard des clients", "Blik van klanten", "Visione dei clienti", "客户视角"),
    ("{n} respondents", "{n} répondants", "{n} respondenten", "{n} rispondenti", "{n} 名受访者"),
    ("Internal", "Interne", "Intern", "Interno", "内部"),
    ("Customers", "Clients", "Klanten", "Clienti", "客户"),
    ("Gap", "Écart", "Kloof", "Divario", "差距"),
    ("Maturity index", "Indice de maturité", "Volwassenheidsindex", "Indice di maturità", "成熟度指数"),
    ("Overall score", "Score global", "Totaalscore", "Punteggio complessivo", "总分"),
    ("You place yourselves at {inside}; your customers place you at {outside}.", "Vous vous situez à l’étape {inside} ; vos clients vous situent à l’étape {outside}.", "Je plaatst jezelf in fase {inside}; je klanten plaatsen je in fase {outside}.", "Vi collocate nella fase {inside}; i vostri clienti vi collocano nella fase {outside}.", "你们将自己定位在{inside}；客户将你们定位在{outside}。"),
    ("Biggest blind spot: {area}\"{statement}\" (you {inside}, your customers {outside}: {gap} points).", "Principal angle mort : {area}« {statement} » (vous {inside}, vos clients {outside} : {gap} points).", "Grootste blinde vlek: {area}\"{statement}\" (zelf {inside}, je klanten {outside}: {gap} punten).", "Principale punto cieco: {area}\"{statement}\" (voi {inside}, i vostri clienti {outside}: {gap} punti).", "最大盲点：{area}“{statement}”（你们 {inside}，客户 {outside}：{gap} 分）。"),
    ("No blind spot: on every mirrored statement your customers rate you less than {n} points below your own view, or above it.", "Aucun angle mort : sur chaque affirmation en miroir, vos clients vous notent moins de {n} points en dessous de votre propre évaluation, ou au-dessus.", "Geen blinde vlek: op elke gespiegelde stelling beoordelen je klanten je minder dan {n} punten lager dan je eigen oordeel, of hoger.", "Nessun punto cieco: su ogni affermazione speculare i vostri clienti vi valutano meno di {n} punti al di sotto della vostra valutazione, o al di sopra.", "没有盲点：在每条对应陈述上，客户的评分都比你们的自评低不到 {n} 分，或高于自评。"),
    ("No verdict: the internal side answered none of the mirrored statements (every answer n/a or blank).", "Pas de verdict : le côté interne n’a répondu à aucune des affirmations en miroir (toutes les réponses sont n/a ou vides).", "Geen oordeel: de interne kant heeft geen van de gespiegelde stellingen beantwoord (elk antwoord n.v.t. of leeg).", "Nessun verdetto: il lato interno non ha risposto a nessuna delle affermazioni speculari (ogni risposta n/a o vuota).", "无法得出结论：内部一方没有回答任何对应陈述（所有回答均为不适用或空白）。"),
    ("No verdict: the customer side answered none of the mirrored statements (every answer n/a or blank).", "Pas de verdict : le côté clients n’a répondu à aucune des affirmations en miroir (toutes les réponses sont n/a ou vides).", "Geen oordeel: de klantenkant heeft geen van de gespiegelde stellingen beantwoord (elk antwoord n.v.t. of leeg).", "Nessun verdetto: il lato clienti non ha risposto a nessuna delle affermazioni speculari (ogni risposta n/a o vuota).", "无法得出结论：客户一方没有回答任何对应陈述（所有回答均为不适用或空白）。"),
    ("No verdict: neither side answered any of the mirrored statements (every answer n/a or blank).", "Pas de verdict : aucun des deux côtés n’a répondu aux affirmations en miroir (toutes les réponses sont n/a ou vides).", "Geen oordeel: geen van beide kanten heeft de gespiegelde stellingen beantwoord (elk antwoord n.v.t. of leeg).", "Nessun verdetto: nessuno dei due lati ha risposto alle affermazioni speculari (ogni risposta n/a o vuota).", "无法得出结论：双方都没有回答任何对应陈述（所有回答均为不适用或空白）。"),
    ("To be seen as {stage}: {step}", "Pour atteindre {stage} aux yeux des clients : {step}", "Om als {stage} gezien te worden: {step}", "Per raggiungere {stage} agli occhi dei clienti: {step}", "要在客户眼中达到{stage}：{step}"),
    ("Bars show the customers' score; {mark} marks your own.", "Les barres indiquent le score des clients ; {mark} marque le vôtre.", "De balken tonen de score van klanten; {mark} markeert je eigen score.", "Le barre mostrano il punteggio dei clienti; {mark} indica il vostro.", "条形表示客户评分；{mark} 标出你们的自评。"),
    ("Largest gaps: what you believe and your customers do not experience", "Écarts les plus importants : ce que vous croyez et que vos clients ne vivent pas", "Grootste kloven: wat je zelf gelooft maar je klanten niet ervaren", "Divari maggiori: ciò che credete e che i vostri clienti non sperimentano", "差距最大之处：你们自认为做到了，客户却没有感受到"),
    ("internal {inside}, customers {outside}, gap {gap}", "interne {inside}, clients {outside}, écart {gap}", "intern {inside}, klanten {outside}, kloof {gap}", "interno {inside}, clienti {outside}, divario {gap}", "内部 {inside}，客户 {outside}，差距 {gap}"),
    ("You believe: {text}", "Vous pensez : {text}", "Je denkt: {text}", "Ritenete: {text}", "你们认为：{text}"),
    ("Your customers do not experience it: {text}", "Vos clients ne le vivent pas : {text}", "Je klanten merken het niet: {text}", "I vostri clienti non lo vivono: {text}", "你们的客户并未感受到：{text}"),
    ("Your customers: {text}", "Vos clients : {text}", "Je klanten: {text}", "I vostri clienti: {text}", "你们的客户：{text}"),
    ("Recommendations from the gap", "Recommandations issues de l’écart", "Aanbevelingen op basis van de kloof", "Raccomandazioni basate sul divario", "基于差距的建议"),
    ("Customers were asked", "Question posée aux clients", "Voorgelegd aan klanten", "Domanda posta ai clienti", "向客户提出的陈述"),
    ("It mirrors", "En miroir de", "Spiegelt", "Rispecchia", "对应的内部陈述"),
    ("Maturity index: {inside} internal, {outside} by customers ({gap})", "Indice de maturité : {inside} en interne, {outside} selon les clients ({gap})", "Volwassenheidsindex: {inside} intern, {outside} volgens klanten ({gap})", "Indice di maturità: {inside} interno, {outside} secondo i clienti ({gap})", "成熟度指数：内部 {inside}，客户 {outside}（{gap}）"),
];

/// `english` in `lang`, or `english` itself when the catalogue has no translation.
pub(crate) fn tr(lang: &str, english: &'static str) -> &'static str {
    let Some(k) = LANGUAGES.iter().position(|l| *l == lang) else {
        return english;
    };
    CATALOGUE
        .iter()
        .find(|e| e.0 == english)
        .map(|e| [e.1, e.2, e.3, e.4][k])
        .filter(|t| !t.is_empty())
        .unwrap_or(english)
}

/// Whether the catalogue speaks `lang` (English, or one it translates into).
pub(crate) fn speaks(lang: &str) -> bool {
    lang == "en" || LANGUAGES.contains(&lang)
}

/// `english` in `lang` with each `{name}` replaced by its value.
pub(crate) fn fill(lang: &str, english: &'static str, values: &[(&str, &str)]) -> String {
    let mut text = tr(lang, english).to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_translated_with_the_same_placeholders() {
        for e in CATALOGUE {
            let placeholders = |t: &str| {
                let mut p: Vec<String> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|s| s.split('}').next())
                    .map(str::to_owned)
                    .collect();
                p.sort();
                p
            };
            for (lang, t) in LANGUAGES.iter().zip([e.1, e.2, e.3, e.4]) {
                assert!(!t.is_empty(), "no {lang} for {:?}", e.0);
                assert_eq!(placeholders(t), placeholders(e.0), "{lang} for {:?}", e.0);
            }
        }
    }

    #[test]
    fn english_and_unknown_languages_use_the_english_text() {
        assert_eq!(tr("en", "Recommendations"), "Recommendations");
        assert_eq!(tr("de", "Recommendations"), "Recommendations");
        assert_eq!(
            fill("en", "stage {k} of {n}", &[("k", "2"), ("n", "4")]),
            "stage 2 of 4"
        );
    }
}
