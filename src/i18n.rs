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
    ("Placement: {name} ({level})", "Positionnement : {name} ({level})", "Positie: {name} ({level})", "Posizionamento: {name} ({level})", "定位：{name}（{level}）"),
    ("Placement: {name} ({level}) - stage-{k} foundation gap", "Positionnement : {name} ({level}) – socle incomplet à l’étape {k}", "Positie: {name} ({level}) - hiaat in het fundament van fase {k}", "Posizionamento: {name} ({level}) - lacuna di base alla fase {k}", "定位：{name}（{level}）——第 {k} 阶段基础缺口"),
    ("Foundation gap at stage {k} ({stage}): {status}. Passing on their own above it: {stages}.", "Socle incomplet à l’étape {k} ({stage}) : {status}. Validées en soi au-dessus : {stages}.", "Hiaat in het fundament van fase {k} ({stage}): {status}. Daarboven op zichzelf gehaald: {stages}.", "Lacuna di base alla fase {k} ({stage}): {status}. Superate di per sé al di sopra: {stages}.", "第 {k} 阶段（{stage}）基础缺口：{status}。其上单独达标的阶段：{stages}。"),
    ("stage {k} of {n}", "étape {k} sur {n}", "fase {k} van {n}", "fase {k} di {n}", "共 {n} 个阶段中的第 {k} 个"),
    ("below stage 1", "en deçà de l’étape 1", "onder fase 1", "sotto la fase 1", "未达第 1 阶段"),
    ("Maturity index {index} of {n} - overall score {score} - {answered} of {total} items answered", "Indice de maturité {index} sur {n} - score global {score} - {answered} items renseignés sur {total}", "Volwassenheidsindex {index} van {n} - totaalscore {score} - {answered} van {total} items beantwoord", "Indice di maturità {index} su {n} - punteggio complessivo {score} - risposte a {answered} item su {total}", "成熟度指数 {index}（满分 {n}）- 总分 {score} - {total} 个题项中已答 {answered} 个"),
    ("Overall score {score} - {answered} of {total} items answered", "Score global {score} - {answered} items renseignés sur {total}", "Totaalscore {score} - {answered} van {total} items beantwoord", "Punteggio complessivo {score} - risposte a {answered} item su {total}", "总分 {score} - {total} 个题项中已答 {answered} 个"),
    ("(anonymous)", "(anonyme)", "(anoniem)", "(anonimo)", "（匿名）"),
    ("{who} - answers of {date}", "{who} - réponses du {date}", "{who} - antwoorden van {date}", "{who} - risposte del {date}", "{who} - {date} 的回答"),
    ("Client: {client}", "Client : {client}", "Klant: {client}", "Cliente: {client}", "客户：{client}"),
    ("Assessed by: {assessor}", "Évaluation menée par : {assessor}", "Beoordeeld door: {assessor}", "Valutazione condotta da: {assessor}", "评估人：{assessor}"),
    ("Sources: {sources}", "Sources : {sources}", "Bronnen: {sources}", "Fonti: {sources}", "来源：{sources}"),
    ("group of {n} respondents", "groupe de {n} répondants", "groep van {n} respondenten", "gruppo di {n} rispondenti", "{n} 名受访者组成的小组"),
    // Report: ids, figures and quoted statements inside a line, with each language's brackets,
    // quotation marks and spaces (Chinese writes full-width brackets with no space before them)
    ("{id} ({score})", "{id} ({score})", "{id} ({score})", "{id} ({score})", "{id}（{score}）"),
    ("{text} ({id})", "{text} ({id})", "{text} ({id})", "{text} ({id})", "{text}（{id}）"),
    ("({id})", "({id})", "({id})", "({id})", "（{id}）"),
    ("\"{text}\" ({id})", "« {text} » ({id})", "‘{text}’ ({id})", "«{text}» ({id})", "“{text}”（{id}）"),
    ("{label} ({questionnaire} {version})", "{label} ({questionnaire} {version})", "{label} ({questionnaire} {version})", "{label} ({questionnaire} {version})", "{label}（{questionnaire} {version}）"),
    ("{label} ({questionnaire} {version}, {respondents})", "{label} ({questionnaire} {version}, {respondents})", "{label} ({questionnaire} {version}, {respondents})", "{label} ({questionnaire} {version}, {respondents})", "{label}（{questionnaire} {version}，{respondents}）"),
    ("{label} (group of {n})", "{label} (groupe de {n})", "{label} (groep van {n})", "{label} (gruppo di {n})", "{label}（{n} 人小组）"),
    ("stage {id}", "étape {id}", "fase {id}", "fase {id}", "阶段 {id}"),
    // Report: the stage ladder and the dimension profile
    ("Stage", "Étape", "Fase", "Fase", "阶段"),
    ("Score", "Score", "Score", "Punteggio", "得分"),
    ("Needs", "Seuil", "Drempel", "Soglia", "门槛"),
    ("Status", "Statut", "Status", "Stato", "状态"),
    ("reached", "atteinte", "bereikt", "raggiunta", "已达到"),
    ("passes on its own; a lower stage is not reached (uneven foundation)", "validée en soi ; une étape inférieure n’est pas atteinte (socle fragile)", "op zichzelf gehaald; een lagere fase is niet bereikt (wankel fundament)", "superata di per sé; una fase inferiore non è raggiunta (basi disomogenee)", "本阶段单独达标，但有较低阶段未达到（基础不均衡）"),
    ("insufficient evidence: {answered} of {total} answered", "données insuffisantes : {answered} réponses sur {total}", "onvoldoende gegevens: {answered} van {total} beantwoord", "dati insufficienti: risposte a {answered} item su {total}", "依据不足：{total} 题中仅答 {answered} 题"),
    ("not reached: {why}", "non atteinte : {why}", "niet bereikt: {why}", "non raggiunta: {why}", "未达到：{why}"),
    ("score below threshold", "score sous le seuil", "score onder de drempel", "punteggio sotto la soglia", "得分低于门槛"),
    ("blocked by {items}", "bloquée par {items}", "geblokkeerd door {items}", "bloccata da {items}", "受阻于 {items}"),
    ("Dimension", "Dimension", "Dimensie", "Dimensione", "维度"),
    ("Answered", "Réponses", "Beantwoord", "Risposte", "已答"),
    ("{answered} of {total}", "{answered} sur {total}", "{answered} van {total}", "{answered} su {total}", "{answered}/{total}"),
    // Report: recommendations and the customer's view
    ("Recommendations", "Recommandations", "Aanbevelingen", "Raccomandazioni", "建议"),
    ("Next step, towards “{stage}”: ", "Pour passer à l’étape « {stage} » : ", "Volgende stap, op weg naar de fase ‘{stage}’: ", "Prossimo passo, verso la fase «{stage}»: ", "下一步（迈向“{stage}”阶段）："),
    ("How customers see you", "Le regard des clients", "Hoe klanten u zien", "Come i clienti vedono l'organizzazione", "客户眼中的组织"),
    ("Warnings", "Avertissements", "Waarschuwingen", "Avvertenze", "警告"),
    // Group report
    ("Individual placements", "Positionnements individuels", "Individuele posities", "Posizionamenti individuali", "个人定位"),
    ("Placement", "Positionnement", "Positie", "Posizionamento", "定位"),
    ("How many respondents each individual result places at each level; the group's own placement is in bold.", "Nombre de répondants que chaque résultat individuel place à chaque niveau ; le positionnement du groupe est en gras.", "Hoeveel respondenten elk individueel resultaat op elk niveau plaatst; de positie van de groep staat vet.", "Quanti rispondenti ogni risultato individuale colloca a ciascun livello; il posizionamento del gruppo è in grassetto.", "各层级上的个人结果人数；小组自身的定位以粗体显示。"),
    ("Respondents", "Répondants", "Respondenten", "Rispondenti", "受访者"),
    ("Items to discuss (the spread of answers is at least a quarter of the scale)", "Items à discuter (l’écart entre les réponses atteint au moins un quart de l’échelle)", "Items om te bespreken (de spreiding van de antwoorden is minstens een kwart van de schaal)", "Item da discutere (la dispersione delle risposte è pari ad almeno un quarto della scala)", "需讨论的题项（回答的分散程度至少达到量表的四分之一）"),
    ("none: the room broadly agrees on every item", "aucun : le groupe est globalement d’accord sur chaque item", "geen: de groep is het over elk item grotendeels eens", "nessuno: il gruppo è sostanzialmente d'accordo su ogni item", "无：全体参与者在每个题项上基本一致"),
    ("Item", "Item", "Item", "Item", "题项"),
    ("Mean", "Moyenne", "Gemiddelde", "Media", "均值"),
    ("SD", "É.-T.", "SD", "DS", "标准差"),
    ("Answers", "Réponses", "Antwoorden", "Risposte", "回答数"),
    ("Statement", "Affirmation", "Stelling", "Affermazione", "陈述"),
    // Report: "don't know" answers as a finding
    ("\"Don't know\" answers", "Réponses « Je ne sais pas »", "Antwoorden ‘Weet ik niet’", "Risposte «Non so»", "“不知道”的回答"),
    ("No answer was \"don't know\": every practice asked about could be judged.", "Aucune réponse « je ne sais pas » : chaque pratique a pu être évaluée.", "Geen enkel antwoord ‘weet ik niet’: elke bevraagde praktijk kon worden beoordeeld.", "Nessuna risposta «non so»: ogni pratica ha potuto essere valutata.", "没有“不知道”的回答：所问的每项做法都能作出判断。"),
    ("{count} of {asked} answers were \"don't know\" ({share}%).", "{count} réponses sur {asked} sont « je ne sais pas » ({share} %).", "{count} van de {asked} antwoorden waren ‘weet ik niet’ ({share}%).", "{count} risposte su {asked} sono «non so» ({share}%).", "{asked} 个回答中有 {count} 个为“不知道”（{share}%）。"),
    ("A \"don't know\" has no score, so a stage judged on few answers rests on little evidence. That nobody could say whether a practice exists is a finding: find out before acting on the placement.", "Une réponse « je ne sais pas » n’a pas de score : une étape jugée sur peu de réponses repose sur peu d’éléments. Que personne ne sache si une pratique existe est en soi un constat : vérifiez-le avant d’agir sur la base du positionnement.", "Een ‘weet ik niet’ telt niet mee in de score, dus een fase die op weinig antwoorden berust, rust op weinig bewijs. Dat niemand weet of een praktijk bestaat, is op zich een bevinding: zoek dat uit voordat u op de positie afgaat.", "Una risposta «non so» non ha punteggio: una fase valutata su poche risposte poggia su pochi elementi. Che nessuno sappia se una pratica esiste è di per sé un risultato: verificatelo prima di agire in base al posizionamento.", "“不知道”的回答不计分，因此依据少量回答判断的阶段证据不足。没有人能说清某项做法是否存在，这本身就是一项发现：请先查明，再依据定位采取行动。"),
    ("Don't know", "Ne sait pas", "Weet niet", "Non so", "不知道"),
    ("Share (%)", "Part (%)", "Aandeel (%)", "Quota (%)", "占比（%）"),
    ("Every item (mean and standard deviation in scale points)", "Tous les items (moyenne et écart-type en points d’échelle)", "Alle items (gemiddelde en standaarddeviatie in schaalpunten)", "Tutti gli item (media e deviazione standard in punti della scala)", "全部题项（均值和标准差以量表分值计）"),
    ("discuss", "à discuter", "bespreken", "da discutere", "需讨论"),
    ("Notes", "Notes", "Notities", "Note", "备注"),
    ("By {field}", "Par {field}", "Per {field}", "Per {field}", "按 {field}"),
    ("All", "Tous", "Alle", "Tutti", "全体"),
    ("Index", "Indice", "Index", "Indice", "指数"),
    ("Items to discuss", "Items à discuter", "Items om te bespreken", "Item da discutere", "需讨论的题项"),
    ("Cronbach's alpha of 0.7 or more is usually read as the items of a set measuring one thing; an item whose correlation with the rest of its set (item-rest r) is below 0.3 may be measuring something else.", "Un alpha de Cronbach de 0,7 ou plus est généralement interprété comme le signe que les items d’un ensemble mesurent une même chose ; un item dont la corrélation avec le reste de son ensemble (corrélation item-reste) est inférieure à 0,3 mesure peut-être autre chose.", "Een Cronbachs alfa van 0,7 of hoger geldt doorgaans als teken dat de items van een set één ding meten; een item waarvan de correlatie met de rest van zijn set (item-restcorrelatie) onder 0,3 ligt, meet mogelijk iets anders.", "Un valore dell'alpha di Cronbach pari o superiore a 0,7 indica di norma che gli item di un insieme misurano una stessa cosa; un item la cui correlazione con il resto del suo insieme (correlazione item-resto) è inferiore a 0,3 potrebbe misurare qualcos'altro.", "Cronbach α 系数达到 0.7 及以上，通常表示同一组题项测量的是同一事物；若某题项与本组其余题项的相关系数（校正的题项–总分相关，item-rest r）低于 0.3，它测量的可能是别的东西。"),
    ("Reliability", "Fiabilité", "Betrouwbaarheid", "Affidabilità", "信度"),
    ("Set", "Ensemble", "Itemset", "Gruppo di item", "题组"),
    ("Items", "Items", "Items", "Item", "题项数"),
    ("Alpha", "Alpha", "Alfa", "Alpha", "α 系数"),
    ("n/a", "Sans objet", "N.v.t.", "N.a.", "不适用"),
    ("Weakest item (item-rest r)", "Item le plus faible (corrélation item-reste)", "Zwakste item (item-restcorrelatie)", "Item più debole (correlazione item-resto)", "最弱题项（校正的题项–总分相关）"),
    // Comparison report
    ("Before", "Avant", "Voormeting", "Prima", "上期"),
    ("After", "Après", "Nameting", "Dopo", "本期"),
    ("Change", "Évolution", "Verschil", "Variazione", "变化"),
    ("moved up", "en hausse", "gestegen", "salito", "上升"),
    ("moved down", "en baisse", "gedaald", "sceso", "下降"),
    ("unchanged", "inchangé", "ongewijzigd", "invariato", "不变"),
    ("Maturity index: {before} -> {after} ({change})", "Indice de maturité : {before} -> {after} ({change})", "Volwassenheidsindex: {before} -> {after} ({change})", "Indice di maturità: {before} -> {after} ({change})", "成熟度指数：{before} -> {after}（{change}）"),
    ("Overall score: {before} -> {after} ({change})", "Score global : {before} -> {after} ({change})", "Totaalscore: {before} -> {after} ({change})", "Punteggio complessivo: {before} -> {after} ({change})", "总分：{before} -> {after}（{change}）"),
    ("Placement: {before} -> {after} ({moved})", "Positionnement : {before} -> {after} ({moved})", "Positie: {before} -> {after} ({moved})", "Posizionamento: {before} -> {after} ({moved})", "定位：{before} -> {after}（{moved}）"),
    ("Biggest improvements", "Plus fortes progressions", "Grootste verbeteringen", "Miglioramenti maggiori", "提升最大"),
    ("Biggest declines", "Plus forts reculs", "Grootste dalingen", "Peggioramenti maggiori", "下降最大"),
    ("No item score moved.", "Aucun score d’item n’a évolué.", "Geen enkele itemscore is veranderd.", "Nessun punteggio di item è cambiato.", "所有题项得分均无变化。"),
    ("Items only in the after questionnaire (not compared): {items}", "Items présents uniquement dans le questionnaire « après » (non comparés) : {items}", "Items alleen in de vragenlijst van de nameting (niet vergeleken): {items}", "Item presenti solo nel questionario successivo (non confrontati): {items}", "仅见于本期问卷的题项（未比较）：{items}"),
    ("Items only in the before questionnaire (not compared): {items}", "Items présents uniquement dans le questionnaire « avant » (non comparés) : {items}", "Items alleen in de vragenlijst van de voormeting (niet vergeleken): {items}", "Item presenti solo nel questionario precedente (non confrontati): {items}", "仅见于上期问卷的题项（未比较）：{items}"),
    ("New recommendations", "Nouvelles recommandations", "Nieuwe aanbevelingen", "Nuove raccomandazioni", "新增建议"),
    ("No longer recommended", "Recommandations levées", "Niet langer aanbevolen", "Non più raccomandate", "不再建议"),
    // Report documents (Markdown, HTML): titles, headings, figure captions, context
    // Report: teams over time (centricity trend), whether a change is real, and the plan
    ("Over time: {questionnaire}", "Évolution dans le temps : {questionnaire}", "Verloop in de tijd: {questionnaire}", "Andamento nel tempo: {questionnaire}", "随时间的变化：{questionnaire}"),
    ("Periods", "Périodes", "Perioden", "Periodi", "各期"),
    ("Period", "Période", "Periode", "Periodo", "期次"),
    ("Date", "Date", "Datum", "Data", "日期"),
    ("Figure", "Indicateur", "Kengetal", "Indicatore", "指标"),
    ("Step", "Écart", "Stap", "Passo", "环比"),
    ("Total", "Total", "Totaal", "Totale", "累计"),
    ("Step: the change since the previous period. Total: the change since the first.", "Écart : l’évolution depuis la période précédente. Total : l’évolution depuis la première.", "Stap: de verandering sinds de vorige periode. Totaal: de verandering sinds de eerste.", "Passo: la variazione rispetto al periodo precedente. Totale: la variazione rispetto al primo.", "环比：与上一期相比的变化。累计：与第一期相比的变化。"),
    ("Maturity index over time", "Indice de maturité dans le temps", "Volwassenheidsindex door de tijd", "Indice di maturità nel tempo", "成熟度指数的变化"),
    ("The maturity index of each period, from 0 at the bottom to the number of stages at the top; a dotted line marks the plan's target when there is one.", "L’indice de maturité de chaque période, de 0 en bas au nombre d’étapes en haut ; une ligne pointillée marque la cible du plan s’il y en a une.", "De volwassenheidsindex van elke periode, van 0 onderaan tot het aantal fasen bovenaan; een stippellijn markeert het doel van het plan als er een is.", "L’indice di maturità di ogni periodo, da 0 in basso al numero di fasi in alto; una linea punteggiata indica l’obiettivo del piano, se presente.", "各期的成熟度指数，底部为 0，顶部为阶段数；如有计划目标，以点线标出。"),
    ("Stages over time", "Étapes dans le temps", "Fasen door de tijd", "Fasi nel tempo", "各阶段的变化"),
    ("Each stage's score (0-100) in each period; the dashed line is the threshold at which the stage is reached, a dotted line the plan's target.", "Le score de chaque étape (0-100) à chaque période ; la ligne en tirets est le seuil à partir duquel l’étape est atteinte, une ligne pointillée la cible du plan.", "De score van elke fase (0-100) in elke periode; de gestreepte lijn is de drempel waarop de fase bereikt is, een stippellijn het doel van het plan.", "Il punteggio di ogni fase (0-100) in ogni periodo; la linea tratteggiata è la soglia a cui la fase è raggiunta, una linea punteggiata l’obiettivo del piano.", "各阶段每期的得分（0-100）；虚线为达到该阶段的门槛，点线为计划目标。"),
    ("Dimensions over time", "Dimensions dans le temps", "Dimensies door de tijd", "Dimensioni nel tempo", "各维度的变化"),
    ("Each dimension's score (0-100) in each period; a dotted line marks the plan's target for the dimension.", "Le score de chaque dimension (0-100) à chaque période ; une ligne pointillée marque la cible du plan pour la dimension.", "De score van elke dimensie (0-100) in elke periode; een stippellijn markeert het doel van het plan voor de dimensie.", "Il punteggio di ogni dimensione (0-100) in ogni periodo; una linea punteggiata indica l’obiettivo del piano per la dimensione.", "各维度每期的得分（0-100）；点线标出计划为该维度设定的目标。"),
    ("threshold {value}", "seuil {value}", "drempel {value}", "soglia {value}", "门槛 {value}"),
    ("target {value}", "cible {value}", "doel {value}", "obiettivo {value}", "目标 {value}"),
    ("A dash for a date: none of the period's answers carries a `date`, so the pace towards a target cannot use it.", "Un tiret à la place d’une date : aucune réponse de la période ne porte de `date`, le rythme vers une cible ne peut donc pas s’en servir.", "Een streepje als datum: geen van de antwoorden van de periode heeft een `date`, dus het tempo richting een doel kan die periode niet gebruiken.", "Un trattino al posto della data: nessuna risposta del periodo riporta una `date`, quindi il ritmo verso un obiettivo non può usarla.", "日期为短横线：该期的回答均未注明 `date`，因此计算达成目标的进度时无法使用该期。"),
    ("Items only in the last period's questionnaire (not compared): {items}", "Items présents seulement dans le questionnaire de la dernière période (non comparés) : {items}", "Items alleen in de vragenlijst van de laatste periode (niet vergeleken): {items}", "Item presenti solo nel questionario dell’ultimo periodo (non confrontati): {items}", "仅见于最后一期问卷的题项（未比较）：{items}"),
    ("Items only in the first period's questionnaire (not compared): {items}", "Items présents seulement dans le questionnaire de la première période (non comparés) : {items}", "Items alleen in de vragenlijst van de eerste periode (niet vergeleken): {items}", "Item presenti solo nel questionario del primo periodo (non confrontati): {items}", "仅见于第一期问卷的题项（未比较）：{items}"),
    ("{from} -> {to}", "{from} -> {to}", "{from} -> {to}", "{from} -> {to}", "{from} -> {to}"),
    ("Is the change real?", "Le changement est-il réel ?", "Is de verandering echt?", "Il cambiamento è reale?", "变化是否真实？"),
    ("Respondents: {before} before, {after} after, {both} on both (matched by respondent id)", "Répondants : {before} avant, {after} après, {both} des deux côtés (rapprochés par identifiant de répondant)", "Respondenten: {before} bij de voormeting, {after} bij de nameting, {both} bij beide (gekoppeld op respondent-id)", "Rispondenti: {before} prima, {after} dopo, {both} in entrambi (abbinati per id del rispondente)", "受访者：上期 {before} 名，本期 {after} 名，两期均参与 {both} 名（按受访者编号匹配）"),
    ("95% from", "IC 95 % de", "95% van", "IC 95% da", "95% 区间下限"),
    ("95% to", "IC 95 % à", "95% tot", "IC 95% a", "95% 区间上限"),
    ("Verdict", "Verdict", "Oordeel", "Verdetto", "结论"),
    ("improvement", "amélioration", "verbetering", "miglioramento", "改善"),
    ("decline", "recul", "achteruitgang", "peggioramento", "下降"),
    ("within noise", "dans le bruit", "binnen de ruis", "entro il rumore", "在噪声范围内"),
    ("On both", "Des deux côtés", "Bij beide", "In entrambi", "两期均参与"),
    ("The maturity index, period by period.", "L’indice de maturité, période par période.", "De volwassenheidsindex, periode na periode.", "L’indice di maturità, periodo per periodo.", "成熟度指数，逐期比较。"),
    ("{placement} in {share}% of resamples", "{placement} dans {share} % des rééchantillonnages", "{placement} in {share}% van de hersteekproeven", "{placement} nel {share}% dei ricampionamenti", "{share}% 的重抽样结果为{placement}"),
    (", {placement} in {share}%", ", {placement} dans {share} %", ", {placement} in {share}%", ", {placement} nel {share}%", "，{share}% 为{placement}"),
    ("Intervals: 95% of {resamples} bootstrap resamples of each side's respondents (seed {seed}); a change whose interval holds zero is within noise, not an improvement or a decline.", "Intervalles : 95 % de {resamples} rééchantillonnages bootstrap des répondants de chaque côté (graine {seed}) ; un changement dont l’intervalle contient zéro est dans le bruit, ni une amélioration ni un recul.", "Intervallen: 95% van {resamples} bootstrap-hersteekproeven van de respondenten van elke kant (seed {seed}); een verandering waarvan het interval nul bevat, valt binnen de ruis en is geen verbetering of achteruitgang.", "Intervalli: 95% di {resamples} ricampionamenti bootstrap dei rispondenti di ciascun lato (seme {seed}); un cambiamento il cui intervallo contiene lo zero è entro il rumore, né un miglioramento né un peggioramento.", "区间：对每一方的受访者进行 {resamples} 次自助法重抽样所得的 95% 区间（随机种子 {seed}）；区间包含零的变化视为在噪声范围内，既非改善也非下降。"),
    ("One side is a single respondent: no interval can be drawn from it.", "Un des côtés ne compte qu’un répondant : aucun intervalle ne peut en être tiré.", "Eén kant is één respondent: daaruit valt geen interval te trekken.", "Un lato ha un solo rispondente: non se ne può ricavare un intervallo.", "有一方只有一名受访者：无法由此得出区间。"),
    ("Plan", "Plan d’action", "Actieplan", "Piano", "计划"),
    ("Target: “{stage}” by {date}", "Cible : l’étape « {stage} » d’ici le {date}", "Doel: de fase ‘{stage}’ uiterlijk {date}", "Obiettivo: la fase «{stage}» entro il {date}", "目标：在 {date} 前达到“{stage}”阶段"),
    ("Target: maturity index {index} by {date}", "Cible : indice de maturité {index} d’ici le {date}", "Doel: volwassenheidsindex {index} uiterlijk {date}", "Obiettivo: indice di maturità {index} entro il {date}", "目标：在 {date} 前成熟度指数达到 {index}"),
    ("The target is reached.", "La cible est atteinte.", "Het doel is bereikt.", "L’obiettivo è raggiunto.", "目标已达成。"),
    ("Now {now}, threshold {goal}: {gap} points to go.", "Actuellement {now}, seuil {goal} : encore {gap} points.", "Nu {now}, drempel {goal}: nog {gap} punten te gaan.", "Ora {now}, soglia {goal}: mancano {gap} punti.", "当前 {now}，门槛 {goal}：尚差 {gap} 分。"),
    ("Now {now}, target {goal}: {gap} to go.", "Actuellement {now}, cible {goal} : encore {gap}.", "Nu {now}, doel {goal}: nog {gap} te gaan.", "Ora {now}, obiettivo {goal}: mancano {gap}.", "当前 {now}，目标 {goal}：尚差 {gap}。"),
    ("At the pace so far it would be {projected} by {date}: on track.", "Au rythme actuel, on serait à {projected} le {date} : en bonne voie.", "In het tempo tot nu toe zou het {projected} zijn op {date}: op koers.", "Al ritmo finora tenuto sarebbe {projected} il {date}: in linea.", "按目前的进度，到 {date} 将达到 {projected}：进展顺利。"),
    ("At the pace so far it would be {projected} by {date}: not on track.", "Au rythme actuel, on serait à {projected} le {date} : pas en bonne voie.", "In het tempo tot nu toe zou het {projected} zijn op {date}: niet op koers.", "Al ritmo finora tenuto sarebbe {projected} il {date}: non in linea.", "按目前的进度，到 {date} 只能达到 {projected}：进度落后。"),
    ("The target date, {date}, has passed without the target being reached.", "La date cible, le {date}, est passée sans que la cible soit atteinte.", "De doeldatum, {date}, is verstreken zonder dat het doel is bereikt.", "La data obiettivo, il {date}, è passata senza che l’obiettivo sia stato raggiunto.", "目标日期 {date} 已过，目标仍未达成。"),
    ("Pace unknown: one result shows where the team stands, not how fast it moves (compare or trend two dated results).", "Rythme inconnu : un seul résultat montre où en est l’équipe, pas à quelle vitesse elle progresse (comparez deux résultats datés avec compare ou trend).", "Tempo onbekend: één resultaat toont waar het team staat, niet hoe snel het vooruitgaat (vergelijk twee gedateerde resultaten met compare of trend).", "Ritmo sconosciuto: un solo risultato mostra dove si trova il team, non con quale velocità avanza (confrontate due risultati datati con compare o trend).", "进度未知：单个结果只能说明团队所处位置，无法说明前进速度（请用 compare 或 trend 比较两个注明日期的结果）。"),
    ("Pace unknown: fewer than two of the results carry a date (the `date` of their answers).", "Rythme inconnu : moins de deux résultats portent une date (la `date` de leurs réponses).", "Tempo onbekend: minder dan twee resultaten hebben een datum (de `date` van hun antwoorden).", "Ritmo sconosciuto: meno di due risultati riportano una data (la `date` delle loro risposte).", "进度未知：注明日期（回答中的 `date`）的结果不足两个。"),
    ("Pace unknown: the results have no score for the target.", "Rythme inconnu : les résultats n’ont pas de score pour la cible.", "Tempo onbekend: de resultaten hebben geen score voor het doel.", "Ritmo sconosciuto: i risultati non hanno un punteggio per l’obiettivo.", "进度未知：结果中没有与目标对应的得分。"),
    ("Now", "Actuel", "Nu", "Ora", "当前"),
    ("Target", "Cible", "Doel", "Obiettivo", "目标"),
    ("To go", "Reste", "Te gaan", "Mancano", "尚差"),
    ("Action", "Action", "Actie", "Azione", "行动"),
    ("Owner", "Responsable", "Eigenaar", "Responsabile", "负责人"),
    ("Due", "Échéance", "Deadline", "Scadenza", "截止日期"),
    ("planned", "prévue", "gepland", "pianificata", "已计划"),
    ("started", "en cours", "gestart", "avviata", "进行中"),
    ("done", "terminée", "afgerond", "completata", "已完成"),
    ("dropped", "abandonnée", "geschrapt", "abbandonata", "已放弃"),
    ("{status}, overdue", "{status}, en retard", "{status}, over tijd", "{status}, in ritardo", "{status}，已逾期"),
    ("Before: each item's score in the last result before the action started (the first result when it gives no start); now: in the last result.", "Avant : le score de chaque item dans le dernier résultat antérieur au début de l’action (le premier résultat si elle n’indique pas de début) ; actuel : dans le dernier résultat.", "Voor: de score van elk item in het laatste resultaat vóór de start van de actie (het eerste resultaat als er geen start is opgegeven); nu: in het laatste resultaat.", "Prima: il punteggio di ogni item nell’ultimo risultato precedente all’avvio dell’azione (il primo risultato se l’avvio non è indicato); ora: nell’ultimo risultato.", "上期：各题项在行动开始前最后一个结果中的得分（未注明开始日期时取第一个结果）；当前：在最新结果中的得分。"),
    ("Each item's score now; with a result from before (compare, trend) its change since the action started is shown.", "Le score actuel de chaque item ; avec un résultat antérieur (compare, trend), son évolution depuis le début de l’action est indiquée.", "De huidige score van elk item; met een eerder resultaat (compare, trend) wordt de verandering sinds de start van de actie getoond.", "Il punteggio attuale di ogni item; con un risultato precedente (compare, trend) è indicata la sua variazione dall’avvio dell’azione.", "各题项的当前得分；如有更早的结果（compare、trend），则显示其自行动开始以来的变化。"),
    ("Overdue: {action} ({id}), due {date}", "En retard : {action} ({id}), échéance le {date}", "Over tijd: {action} ({id}), deadline {date}", "In ritardo: {action} ({id}), scadenza {date}", "已逾期：{action}（{id}），截止日期 {date}"),
    ("Before and after: {questionnaire}", "Avant / après : {questionnaire}", "Voor- en nameting: {questionnaire}", "Prima e dopo: {questionnaire}", "前后对比：{questionnaire}"),
    ("Report date: {date}", "Date du rapport : {date}", "Rapportdatum: {date}", "Data del report: {date}", "报告日期：{date}"),
    ("centricity {version} - {date} - self-contained report: no scripts, no external resources.", "centricity {version} - {date} - rapport autonome : ni script, ni ressource externe.", "centricity {version} - {date} - zelfstandig rapport: geen scripts, geen externe bronnen.", "centricity {version} - {date} - report autonomo: nessuno script, nessuna risorsa esterna.", "centricity {version} - {date} - 独立报告：不含脚本，不引用外部资源。"),
    ("Stage ladder", "Échelle des étapes", "Fasenladder", "Scala delle fasi", "阶段阶梯"),
    ("Dimension profile", "Profil par dimension", "Dimensieprofiel", "Profilo per dimensione", "维度概况"),
    ("Stage by dimension", "Étapes par dimension", "Fasen per dimensie", "Fasi per dimensione", "阶段 × 维度"),
    ("Benchmark context", "Repères externes", "Ter vergelijking", "Termini di riferimento", "外部参照"),
    ("Each bar is the stage's score (0-100); the dark line is the threshold the stage needs. Blue bars reach their stage, orange ones do not. The highlighted row is the placement.", "Chaque barre donne le score de l’étape (0-100) ; le trait foncé marque le seuil requis. Les barres bleues atteignent leur étape, les orange non. La ligne surlignée est le positionnement.", "Elke balk is de score van de fase (0-100); de donkere lijn is de drempel die de fase vraagt. Blauwe balken halen hun fase, oranje niet. De gemarkeerde rij is de positie.", "Ogni barra è il punteggio della fase (0-100); la linea scura è la soglia richiesta. Le barre blu raggiungono la fase, quelle arancioni no. La riga evidenziata è il posizionamento.", "每根条形为该阶段的得分（0-100）；深色竖线为该阶段所需的门槛。蓝色条形表示达到该阶段，橙色表示未达到。高亮行为所处定位。"),
    ("One axis per dimension, 0 at the centre and 100 at the rim; each dimension's score is written next to its name.", "Un axe par dimension, 0 au centre et 100 au bord ; le score de chaque dimension figure à côté de son nom.", "Eén as per dimensie, 0 in het midden en 100 aan de rand; de score van elke dimensie staat naast haar naam.", "Un asse per dimensione, 0 al centro e 100 sul bordo; il punteggio di ogni dimensione è riportato accanto al suo nome.", "每个维度一条轴，中心为 0，外缘为 100；各维度得分标在其名称旁。"),
    ("Each cell is the score (0-100) of the statement for that stage and dimension; a dash means not answered or \"don't know\".", "Chaque case donne le score (0-100) de l’affirmation pour cette étape et cette dimension ; un tiret signifie sans réponse ou « ne sait pas ».", "Elke cel is de score (0-100) van de stelling voor die fase en dimensie; een streepje betekent niet beantwoord of ‘weet niet’.", "Ogni cella è il punteggio (0-100) dell'affermazione per quella fase e dimensione; un trattino indica nessuna risposta o «non so».", "每个单元格为该阶段与该维度对应陈述的得分（0-100）；短横线表示未作答或“不知道”。"),
    // The heat map's short column heading for dimension n, with the full names in a key under it.
    ("D{n}", "D{n}", "D{n}", "D{n}", "D{n}"),
    // What a chart says to a reader who cannot see it: where its figures stand in words.
    ("The table below gives the figures of this chart.", "Le tableau ci-dessous reprend les chiffres de ce graphique.", "De tabel hieronder geeft de cijfers van deze grafiek.", "La tabella qui sotto riporta i valori di questo grafico.", "下表列出了此图的各项数值。"),
    ("Stage ladder, before and after", "Échelle des étapes, avant et après", "Fasenladder, voor- en nameting", "Scala delle fasi, prima e dopo", "阶段阶梯（上期与本期）"),
    ("Two bars per stage: grey before, blue after (0-100), with the change in brackets. The highlighted row is the placement after; a dashed outline marks the placement before when it differs.", "Deux barres par étape : en gris avant, en bleu après (0-100), avec l’évolution entre parenthèses. La ligne surlignée est le positionnement après ; un contour en pointillés marque le positionnement avant lorsqu’il diffère.", "Twee balken per fase: grijs de voormeting, blauw de nameting (0-100), met het verschil tussen haakjes. De gemarkeerde rij is de positie bij de nameting; een gestippelde rand markeert de positie bij de voormeting als die anders is.", "Due barre per fase: in grigio prima, in blu dopo (0-100), con la variazione tra parentesi. La riga evidenziata è il posizionamento dopo; un contorno tratteggiato indica il posizionamento prima, se diverso.", "每个阶段两根条形：灰色为上期，蓝色为本期（0-100），括号内为变化。高亮行为本期定位；若上期定位不同，以虚线框标出。"),
    ("Dimension profile, before and after", "Profil par dimension, avant et après", "Dimensieprofiel, voor- en nameting", "Profilo per dimensione, prima e dopo", "维度概况（上期与本期）"),
    ("One axis per dimension, 0 at the centre and 100 at the rim: the dashed grey polygon is before, the blue one after.", "Un axe par dimension, 0 au centre et 100 au bord : le polygone gris en pointillés montre l’avant, le bleu l’après.", "Eén as per dimensie, 0 in het midden en 100 aan de rand: de grijze gestippelde veelhoek is de voormeting, de blauwe de nameting.", "Un asse per dimensione, 0 al centro e 100 sul bordo: il poligono grigio tratteggiato è il prima, quello blu il dopo.", "每个维度一条轴，中心为 0，外缘为 100：灰色虚线多边形为上期，蓝色多边形为本期。"),
    ("Each cell is the after score (0-100) of the statement for that stage and dimension, with its change since before underneath; a dash means no score.", "Chaque case donne le score après (0-100) de l’affirmation pour cette étape et cette dimension, avec en dessous son évolution depuis l’avant ; un tiret signifie qu’il n’y a pas de score.", "Elke cel toont de score bij de nameting (0-100) van de stelling voor die fase en dimensie, met daaronder het verschil met de voormeting; een streepje betekent geen score.", "Ogni cella riporta il punteggio dopo (0-100) dell'affermazione per quella fase e dimensione, con sotto la variazione rispetto a prima; un trattino indica che manca il punteggio.", "每个单元格为该阶段与该维度对应陈述的本期得分（0-100），下方为相对上期的变化；短横线表示无得分。"),
    ("Published studies use their own models and samples, so they give context for a placement rather than a score to compare with.", "Les études publiées reposent sur leurs propres modèles et échantillons : elles situent un positionnement dans son contexte, sans fournir de score auquel se comparer.", "Gepubliceerde studies gebruiken hun eigen modellen en steekproeven: ze plaatsen een positie in context, maar geven geen score om mee te vergelijken.", "Gli studi pubblicati usano modelli e campioni propri: danno un contesto al posizionamento, non un punteggio con cui confrontarsi.", "已发表的研究采用各自的模型和样本，因此只能为定位提供背景参照，而非可直接比较的分数。"),
    ("At most about 10% of companies reach the customer-inspired stage, the fourth and last stage of the customer-centric journey.", "Au plus 10 % environ des entreprises atteignent l’étape « Inspirée par le client », la quatrième et dernière du parcours vers l’orientation client.", "Hooguit zo’n 10% van de bedrijven bereikt de fase ‘Klantgeïnspireerd’, de vierde en laatste fase op weg naar klantgerichtheid.", "Al massimo il 10% circa delle aziende raggiunge la fase «Ispirata dal cliente», la quarta e ultima del percorso verso la centralità del cliente.", "至多约 10% 的企业能达到“客户启发型”阶段，即以客户为中心之路的第四个、也是最后一个阶段。"),
    ("Of 362 firms surveyed, 80% believed they delivered a superior experience to their customers; their customers said 8% did.", "Sur 362 entreprises interrogées, 80 % pensaient offrir à leurs clients une expérience supérieure ; selon leurs clients, 8 % y parvenaient.", "Van 362 ondervraagde bedrijven dacht 80% hun klanten een superieure ervaring te bieden; volgens hun klanten deed 8% dat.", "Su 362 aziende intervistate, l'80% riteneva di offrire ai clienti un'esperienza superiore; secondo i clienti, ci riusciva l'8%.", "在接受调查的 362 家企业中，80% 认为自己为客户提供了卓越的体验；而客户认为做到这一点的只有 8%。"),
    ("Of 234 organisations assessed on five stages of CX maturity, 41% were in the lowest stage and 2% in the highest.", "Sur 234 organisations évaluées selon cinq niveaux de maturité CX, 41 % se situaient au niveau le plus bas et 2 % au plus haut.", "Van 234 organisaties die op vijf fasen van CX-volwassenheid werden beoordeeld, zat 41% in de laagste fase en 2% in de hoogste.", "Su 234 organizzazioni valutate su cinque fasi di maturità CX, il 41% si trovava nella fase più bassa e il 2% in quella più alta.", "在按五个客户体验成熟度阶段评估的 234 家组织中，41% 处于最低阶段，2% 处于最高阶段。"),
    ("Stage ladder, internal and customer views", "Échelle des étapes, regard interne et regard des clients", "Fasenladder, interne blik en blik van klanten", "Scala delle fasi, visione interna e visione dei clienti", "阶段阶梯（内部视角与客户视角）"),
    ("Two bars per stage: grey as customers see it, blue as the organisation sees itself (0-100), with the gap in brackets. The highlighted row is the organisation's own placement; a dashed outline marks the customers' placement when it differs.", "Deux barres par étape : en gris le regard des clients, en bleu celui de l’organisation sur elle-même (0-100), avec l’écart entre parenthèses. La ligne surlignée est le positionnement que l’organisation se donne ; un contour en pointillés marque celui des clients lorsqu’il diffère.", "Twee balken per fase: grijs hoe klanten het zien, blauw hoe de organisatie zichzelf ziet (0-100), met de kloof tussen haakjes. De gemarkeerde rij is de positie die de organisatie zichzelf geeft; een gestippelde rand markeert de positie volgens klanten als die anders is.", "Due barre per fase: in grigio come la vedono i clienti, in blu come l'organizzazione vede se stessa (0-100), con il divario tra parentesi. La riga evidenziata è il posizionamento che l'organizzazione si attribuisce; un contorno tratteggiato indica quello dei clienti, se diverso.", "每个阶段两根条形：灰色为客户眼中的组织，蓝色为组织的自我评价（0-100），括号内为差距。高亮行为组织的自我定位；若客户给出的定位不同，以虚线框标出。"),
    ("Dimension profile, internal and customer views", "Profil par dimension, regard interne et regard des clients", "Dimensieprofiel, interne blik en blik van klanten", "Profilo per dimensione, visione interna e visione dei clienti", "维度概况（内部视角与客户视角）"),
    ("One axis per dimension, 0 at the centre and 100 at the rim: the dashed grey polygon is the customers' view, the blue one the organisation's own.", "Un axe par dimension, 0 au centre et 100 au bord : le polygone gris en pointillés montre le regard des clients, le bleu celui de l’organisation.", "Eén as per dimensie, 0 in het midden en 100 aan de rand: de grijze gestippelde veelhoek is de blik van klanten, de blauwe die van de organisatie zelf.", "Un asse per dimensione, 0 al centro e 100 sul bordo: il poligono grigio tratteggiato è la visione dei clienti, quello blu quella dell'organizzazione.", "每个维度一条轴，中心为 0，外缘为 100：灰色虚线多边形为客户视角，蓝色多边形为组织自身的视角。"),
    // Interruptions (Ctrl-C, SIGTERM, SIGHUP) and resume hints
    ("Interrupted. Every confirmed answer is saved in {path} ({answered} of {total}).", "Interruption. Toutes les réponses confirmées sont enregistrées dans {path} ({answered} sur {total}).", "Onderbroken. Elk bevestigd antwoord is opgeslagen in {path} ({answered} van {total}).", "Interrotto. Tutte le risposte confermate sono salvate in {path} ({answered} su {total}).", "已中断。所有已确认的回答均已保存到 {path}（共 {total} 题，已完成 {answered} 题）。"),
    ("resume with: {command}", "pour reprendre : {command}", "verdergaan met: {command}", "per riprendere: {command}", "继续作答请运行：{command}"),
    // Facilitated sessions (`run --participants`)
    ("{title} ({n} questions) with {names}", "{title} ({n} questions) avec {names}", "{title} ({n} vragen) met {names}", "{title} ({n} domande) con {names}", "{title}（共 {n} 题），参与者：{names}"),
    ("The earlier session's files in {folder} were moved to {aside}; this session starts in an empty {folder}.", "Les fichiers de la séance précédente dans {folder} ont été déplacés vers {aside} ; cette séance commence dans un dossier {folder} vide.", "De bestanden van de vorige sessie in {folder} zijn verplaatst naar {aside}; deze sessie begint in een lege map {folder}.", "I file della sessione precedente in {folder} sono stati spostati in {aside}; questa sessione inizia in una cartella {folder} vuota.", "{folder} 中上一场会话的文件已移至 {aside}；本场会话从空的 {folder} 开始。"),
    ("Resuming at question {n} of {total}.", "Reprise à la question {n} sur {total}.", "Verder bij vraag {n} van {total}.", "Ripresa dalla domanda {n} di {total}.", "从第 {n} 题继续，共 {total} 题。"),
    ("Type every participant's answer on one line, in this order: {names}.", "Tapez la réponse de chaque participant sur une seule ligne, dans cet ordre : {names}.", "Typ de antwoorden van alle deelnemers op één regel, in deze volgorde: {names}.", "Digitate la risposta di ogni partecipante su una sola riga, in questo ordine: {names}.", "请在一行内依次输入每位参与者的回答，顺序为：{names}。"),
    ("After each question, type notes as name: text, one per line; Enter goes on.", "Après chaque question, tapez les notes sous la forme nom : texte, une par ligne ; Entrée pour continuer.", "Typ na elke vraag notities als naam: tekst, één per regel; Enter gaat verder.", "Dopo ogni domanda, digitate le note nella forma nome: testo, una per riga; Invio per proseguire.", "每题之后，按“姓名：内容”的格式输入备注，每行一条；按 Enter 继续。"),
    ("Answers are saved in {folder} after every question.", "Les réponses sont enregistrées dans {folder} après chaque question.", "Antwoorden worden na elke vraag opgeslagen in {folder}.", "Le risposte vengono salvate in {folder} dopo ogni domanda.", "每答完一题，回答都会保存到 {folder}。"),
    ("All {total} questions answered; saved in {folder}.", "Les {total} questions sont toutes renseignées ; réponses enregistrées dans {folder}.", "Alle {total} vragen beantwoord; opgeslagen in {folder}.", "Risposte date a tutte le {total} domande; salvate in {folder}.", "全部 {total} 题均已作答，已保存到 {folder}。"),
    ("Saved the answers to {done} of {total} questions in {folder}.", "Réponses à {done} questions sur {total} enregistrées dans {folder}.", "Antwoorden op {done} van {total} vragen opgeslagen in {folder}.", "Salvate le risposte a {done} domande su {total} in {folder}.", "已将 {total} 题中 {done} 题的回答保存到 {folder}。"),
    ("Note (name: text; Enter to go on)", "Note (nom : texte ; Entrée pour continuer)", "Notitie (naam: tekst; Enter om verder te gaan)", "Nota (nome: testo; Invio per proseguire)", "备注（姓名：内容；按 Enter 继续）"),
    ("type {n} answers, one per participant", "tapez {n} réponses, une par participant", "typ {n} antwoorden, één per deelnemer", "digitate {n} risposte, una per partecipante", "请输入 {n} 个回答，每位参与者一个"),
    ("expected {n} answers ({names}), got {got}", "réponses attendues : {n} ({names}) ; reçues : {got}", "{n} antwoorden verwacht ({names}), {got} gekregen", "risposte attese: {n} ({names}); ricevute: {got}", "应有 {n} 个回答（{names}），实际收到 {got} 个"),
    ("`{token}` is not an option: use {values}, or n for not applicable", "`{token}` n’est pas une option : utilisez {values}, ou n pour non applicable", "`{token}` is geen optie: gebruik {values}, of n voor niet van toepassing", "`{token}` non è un'opzione: usate {values}, oppure n per non applicabile", "`{token}` 不是可选项：请使用 {values}，或用 n 表示不适用"),
    ("`{token}` is not an option: use {values}, d for don't know or n for not applicable", "`{token}` n’est pas une option : utilisez {values}, d pour « je ne sais pas » ou n pour non applicable", "`{token}` is geen optie: gebruik {values}, d voor weet niet of n voor niet van toepassing", "`{token}` non è un'opzione: usate {values}, d per non so oppure n per non applicabile", "`{token}` 不是可选项：请使用 {values}，用 d 表示不知道，或用 n 表示不适用"),
    ("`{token}` is not an option: use {values}, or d for don't know", "`{token}` n’est pas une option : utilisez {values}, ou d pour « je ne sais pas »", "`{token}` is geen optie: gebruik {values}, of d voor weet niet", "`{token}` non è un'opzione: usate {values}, oppure d per non so", "`{token}` 不是可选项：请使用 {values}，或用 d 表示不知道"),
    ("`{token}` is not an option: use {values}", "`{token}` n’est pas une option : utilisez {values}", "`{token}` is geen optie: gebruik {values}", "`{token}` non è un'opzione: usate {values}", "`{token}` 不是可选项：请使用 {values}"),
    ("`{token}` is not an answer: use {values}, or n for not applicable", "`{token}` n’est pas une réponse : utilisez {values}, ou n pour non applicable", "`{token}` is geen antwoord: gebruik {values}, of n voor niet van toepassing", "`{token}` non è una risposta: usate {values}, oppure n per non applicabile", "`{token}` 不是有效回答：请使用 {values}，或用 n 表示不适用"),
    ("`{token}` is not an answer: use {values}, d for don't know or n for not applicable", "`{token}` n’est pas une réponse : utilisez {values}, d pour « je ne sais pas » ou n pour non applicable", "`{token}` is geen antwoord: gebruik {values}, d voor weet niet of n voor niet van toepassing", "`{token}` non è una risposta: usate {values}, d per non so oppure n per non applicabile", "`{token}` 不是有效回答：请使用 {values}，用 d 表示不知道，或用 n 表示不适用"),
    ("`{token}` is not an answer: use {values}, or d for don't know", "`{token}` n’est pas une réponse : utilisez {values}, ou d pour « je ne sais pas »", "`{token}` is geen antwoord: gebruik {values}, of d voor weet niet", "`{token}` non è una risposta: usate {values}, oppure d per non so", "`{token}` 不是有效回答：请使用 {values}，或用 d 表示不知道"),
    ("`{token}` is not an answer: use {values}", "`{token}` n’est pas une réponse : utilisez {values}", "`{token}` is geen antwoord: gebruik {values}", "`{token}` non è una risposta: usate {values}", "`{token}` 不是有效回答：请使用 {values}"),
    ("this question has no not-applicable answer", "cette question n’a pas de réponse « non applicable »", "deze vraag heeft geen antwoord ‘niet van toepassing’", "questa domanda non prevede la risposta «non applicabile»", "本题没有“不适用”选项"),
    ("this is the first question", "c’est la première question", "dit is de eerste vraag", "questa è la prima domanda", "这已经是第一题"),
    ("this question has no help text", "cette question n’a pas de texte d’aide", "deze vraag heeft geen toelichting", "questa domanda non ha un testo di aiuto", "本题没有帮助说明"),
    ("start a note with a participant's name or number and a colon: {example}", "commencez la note par le nom ou le numéro d’un participant suivi de deux-points : {example}", "begin een notitie met de naam of het nummer van een deelnemer en een dubbele punt: {example}", "iniziate la nota con il nome o il numero di un partecipante seguito dai due punti: {example}", "备注请以参与者的姓名或编号加冒号开头：{example}"),
    ("`{who}` is not a participant: {names}", "`{who}` ne fait pas partie des participants : {names}", "`{who}` is geen deelnemer: {names}", "`{who}` non è un partecipante: {names}", "`{who}` 不是参与者：{names}"),
    ("these answers are not saved: {why}. They are kept: fix the problem and press Enter to save them again", "ces réponses ne sont pas enregistrées : {why}. Elles sont conservées : corrigez le problème et appuyez sur Entrée pour les enregistrer de nouveau", "deze antwoorden zijn niet opgeslagen: {why}. Ze blijven bewaard: los het probleem op en druk op Enter om ze opnieuw op te slaan", "queste risposte non sono salvate: {why}. Sono conservate: risolvete il problema e premete Invio per salvarle di nuovo", "这些回答未能保存：{why}。回答已保留：解决问题后按 Enter 即可重新保存"),
    ("this note is not saved: {why}. Fix the problem and type it again", "cette note n’est pas enregistrée : {why}. Corrigez le problème et tapez-la de nouveau", "deze notitie is niet opgeslagen: {why}. Los het probleem op en typ haar opnieuw", "questa nota non è salvata: {why}. Risolvete il problema e digitatela di nuovo", "这条备注未能保存：{why}。解决问题后请重新输入"),
    // Survey
    ("Question {n} of {total}", "Question {n} sur {total}", "Vraag {n} van {total}", "Domanda {n} di {total}", "第 {n} 题，共 {total} 题"),
    ("Your answer", "Réponse", "Uw antwoord", "Risposta", "您的回答"),
    ("{label} (not applicable)", "{label} (non applicable)", "{label} (niet van toepassing)", "{label} (non applicabile)", "{label}（不适用）"),
    ("Show help for this question", "Afficher l’aide de cette question", "Toon hulp bij deze vraag", "Mostra l'aiuto per questa domanda", "查看本题帮助"),
    ("Back to the previous question", "Revenir à la question précédente", "Terug naar de vorige vraag", "Torna alla domanda precedente", "返回上一题"),
    ("Back to the list of answers", "Revenir à la liste des réponses", "Terug naar de lijst met antwoorden", "Torna all'elenco delle risposte", "返回回答列表"),
    ("Save and quit (resume later)", "Enregistrer et quitter (reprendre plus tard)", "Opslaan en stoppen (later verdergaan)", "Salva ed esci (riprendi più tardi)", "保存并退出（稍后继续）"),
    // Survey: the keys' legend under the menu, one piece per key
    ("{keys} answer", "{keys} répondre", "{keys} antwoorden", "{keys} rispondi", "{keys} 作答"),
    ("{keys} not applicable", "{keys} non applicable", "{keys} niet van toepassing", "{keys} non applicabile", "{keys} 不适用"),
    ("{keys} don't know", "{keys} ne sait pas", "{keys} weet niet", "{keys} non so", "{keys} 不知道"),
    ("? help", "? aide", "? hulp", "? aiuto", "? 帮助"),
    ("b back", "b retour", "b terug", "b indietro", "b 返回"),
    ("q save and quit", "q enregistrer et quitter", "q opslaan en stoppen", "q salva ed esci", "q 保存并退出"),
    ("q finish", "q terminer", "q afronden", "q termina", "q 完成"),
    ("↑↓ move, Enter choose", "↑↓ se déplacer, Entrée choisir", "↑↓ verplaatsen, Enter kiezen", "↑↓ spostati, Invio scegli", "↑↓ 移动，Enter 选择"),
    // Survey: the review of the answers
    ("Your answers: choose one to change it, or finish.", "Vos réponses : choisissez-en une pour la modifier, ou terminez.", "Uw antwoorden: kies er een om te wijzigen, of rond af.", "Le vostre risposte: sceglietene una per modificarla, oppure terminate.", "您的回答：选择一题进行修改，或直接完成。"),
    ("Review", "Relecture", "Overzicht", "Revisione", "检查回答"),
    ("Finish: show the result", "Terminer : afficher le résultat", "Afronden: toon het resultaat", "Termina: mostra il risultato", "完成：查看结果"),
    ("Go on with the unanswered questions", "Continuer avec les questions sans réponse", "Verder met de onbeantwoorde vragen", "Continua con le domande senza risposta", "继续回答未答的题目"),
    ("not answered", "sans réponse", "niet beantwoord", "senza risposta", "未作答"),
    ("To change an answer: {command}", "Pour modifier une réponse : {command}", "Een antwoord wijzigen: {command}", "Per modificare una risposta: {command}", "如需修改回答：{command}"),
    ("Note (evidence or an example; Enter to skip)", "Note (élément factuel ou exemple ; Entrée pour passer)", "Notitie (onderbouwing of een voorbeeld; Enter om over te slaan)", "Nota (un riscontro concreto o un esempio; Invio per saltare)", "备注（依据或示例；按 Enter 跳过）"),
    ("{names} (b back, ? help, q quit)", "{names} (b retour, ? aide, q quitter)", "{names} (b terug, ? hulp, q stoppen)", "{names} (b indietro, ? aiuto, q esci)", "{names}（b 返回，? 帮助，q 退出）"),
    ("discuss: the room disagrees", "à discuter : le groupe est partagé", "bespreken: de groep is het oneens", "da discutere: il gruppo è diviso", "需讨论：参与者意见不一"),
    ("mean {mean}, sd {sd}", "moyenne {mean} ; é.-t. {sd}", "gemiddelde {mean}; sd {sd}", "media {mean}; ds {sd}", "均值 {mean}，标准差 {sd}"),
    ("{title} ({n} questions)", "{title} ({n} questions)", "{title} ({n} vragen)", "{title} ({n} domande)", "{title}（共 {n} 题）"),
    ("Resuming: {answered} of {total} already answered.", "Reprise : {answered} réponses sur {total} déjà enregistrées.", "Hervatten: {answered} van {total} al beantwoord.", "Ripresa: risposte già date a {answered} domande su {total}.", "继续作答：{total} 题中已答 {answered} 题。"),
    ("Answers are saved to {path} after every question.", "Les réponses sont enregistrées dans {path} après chaque question.", "Antwoorden worden na elke vraag opgeslagen in {path}.", "Le risposte vengono salvate in {path} dopo ogni domanda.", "每答完一题，回答都会保存到 {path}。"),
    ("All {total} questions answered; saved to {path}.", "Les {total} questions sont toutes renseignées ; réponses enregistrées dans {path}.", "Alle {total} vragen beantwoord; opgeslagen in {path}.", "Risposte date a tutte le {total} domande; salvate in {path}.", "全部 {total} 题均已作答，已保存到 {path}。"),
    ("Not saved: {why}. The answer is kept: fix the problem and give it again to save it.", "Non enregistrée : {why}. La réponse est conservée : corrigez le problème et donnez-la de nouveau pour l’enregistrer.", "Niet opgeslagen: {why}. Het antwoord blijft bewaard: los het probleem op en geef het opnieuw om het op te slaan.", "Non salvata: {why}. La risposta è conservata: risolvete il problema e datela di nuovo per salvarla.", "未能保存：{why}。回答已保留：解决问题后再次作答即可保存。"),
    ("Saved {answered} of {total} answers to {path}.", "{answered} réponses sur {total} enregistrées dans {path}.", "{answered} van {total} antwoorden opgeslagen in {path}.", "Salvate {answered} risposte su {total} in {path}.", "已将 {total} 题中的 {answered} 个回答保存到 {path}。"),
    // `centricity show`
    ("Languages: {list}", "Langues : {list}", "Talen: {list}", "Lingue: {list}", "语言：{list}"),
    ("Mirrors the questions of `{id}`: each statement names the ones it reflects.", "Reflète les questions de `{id}` : chaque affirmation indique celles qu’elle reflète.", "Spiegelt de vragen van `{id}`: elke stelling noemt de vragen die ze weerspiegelt.", "Rispecchia le domande di `{id}`: ogni affermazione indica quelle che riflette.", "对应 `{id}` 的题目：每条陈述都注明了它所反映的题目。"),
    ("Scoring: a stage is reached at {threshold}% or more, with no item below {floor}% and at least {share}% of its items answered", "Notation : une étape est atteinte à partir de {threshold} %, sans item sous {floor} % et avec au moins {share} % de ses items renseignés", "Scoreberekening: een fase is bereikt vanaf {threshold}%, zonder item onder {floor}% en met minstens {share}% van de items beantwoord", "Regola di calcolo: una fase è raggiunta con un punteggio pari o superiore al {threshold}%, senza item sotto {floor}% e con almeno {share}% dei suoi item con risposta", "计分：阶段得分达到 {threshold}% 及以上、没有题项低于 {floor}%、且至少 {share}% 的题项已作答，即视为达到该阶段"),
    ("Scale `{id}`: {options}", "Échelle `{id}` : {options}", "Schaal `{id}`: {options}", "Scala `{id}`: {options}", "量表 `{id}`：{options}"),
    ("Dimensions: {list}", "Dimensions : {list}", "Dimensies: {list}", "Dimensioni: {list}", "维度：{list}"),
    ("Help: {text}", "Aide : {text}", "Toelichting: {text}", "Aiuto: {text}", "说明：{text}"),
    ("mirrors {ids}", "reflète {ids}", "spiegelt {ids}", "rispecchia {ids}", "对应 {ids}"),
    ("Stage {k} - {name} ({id}), threshold {threshold}%", "Étape {k} - {name} ({id}), seuil {threshold} %", "Fase {k} - {name} ({id}), drempel {threshold}%", "Fase {k} - {name} ({id}), soglia {threshold}%", "第 {k} 阶段 - {name}（{id}），门槛 {threshold}%"),
    ("Questions", "Questions", "Vragen", "Domande", "题目"),
    ("weight {w}", "poids {w}", "gewicht {w}", "peso {w}", "权重 {w}"),
    ("(reverse-keyed)", "(item inversé)", "(omgekeerd gescoord)", "(punteggio invertito)", "（反向计分）"),
    // Report: the perception gap (centricity gap)
    ("{name}: ", "{name} : ", "{name}: ", "{name}: ", "{name}："),
    ("Perception gap", "Écart de perception", "Perceptiekloof", "Divario di percezione", "认知差距"),
    ("Internal view", "Regard interne", "Interne blik", "Visione interna", "内部视角"),
    ("Customer view", "Regard des clients", "Blik van klanten", "Visione dei clienti", "客户视角"),
    ("{n} respondents", "{n} répondants", "{n} respondenten", "{n} rispondenti", "{n} 名受访者"),
    ("Internal", "Interne", "Intern", "Interno", "内部"),
    ("Customers", "Clients", "Klanten", "Clienti", "客户"),
    ("Gap", "Écart", "Kloof", "Divario", "差距"),
    ("Maturity index", "Indice de maturité", "Volwassenheidsindex", "Indice di maturità", "成熟度指数"),
    ("Overall score", "Score global", "Totaalscore", "Punteggio complessivo", "总分"),
    ("You place yourselves at “{inside}”; your customers place you at “{outside}”.", "Vous vous situez au niveau « {inside} » ; vos clients vous situent au niveau « {outside} ».", "U plaatst uw organisatie op ‘{inside}’; uw klanten plaatsen haar op ‘{outside}’.", "Vi collocate al livello «{inside}»; i vostri clienti vi collocano al livello «{outside}».", "贵组织自评处于“{inside}”；而在客户眼中，贵组织处于“{outside}”。"),
    // The dimension of the biggest blind spot, written before the statement: in brackets after
    // "blind spot" where a second colon would follow the first.
    ("{dimension}: ", " ({dimension})", " ({dimension})", " ({dimension})", "（{dimension}）"),
    ("Biggest blind spot: {area}\"{statement}\" (you {inside}, your customers {outside}: {gap} points).", "Principal angle mort{area} : « {statement} » (vous {inside} ; vos clients {outside} : {gap} points).", "Grootste blinde vlek{area}: ‘{statement}’ (zelf {inside}; uw klanten {outside}: {gap} punten).", "Principale punto cieco{area}: «{statement}» (voi {inside}; i vostri clienti {outside}: {gap} punti).", "最大盲点{area}：“{statement}”（贵组织 {inside}，客户 {outside}：{gap} 分）。"),
    ("No blind spot: on every mirrored statement your customers rate you less than {n} points below your own view, or above it.", "Aucun angle mort : sur chaque affirmation en miroir, vos clients vous notent moins de {n} points en dessous de votre propre évaluation, ou au-dessus.", "Geen blinde vlek: op elke gespiegelde stelling beoordelen uw klanten u minder dan {n} punten lager dan uw eigen oordeel, of hoger.", "Nessun punto cieco: su ogni affermazione speculare i vostri clienti vi valutano meno di {n} punti al di sotto della vostra valutazione, o al di sopra.", "没有盲点：在每条对应陈述上，客户的评分都比贵组织的自评低不到 {n} 分，或高于自评。"),
    ("No verdict: the internal side answered none of the mirrored statements (every answer n/a or blank).", "Pas de verdict : le côté interne n’a répondu à aucune des affirmations en miroir (toutes les réponses sont n/a ou vides).", "Geen oordeel: de interne kant heeft geen van de gespiegelde stellingen beantwoord (elk antwoord n.v.t. of leeg).", "Nessun verdetto: il lato interno non ha risposto a nessuna delle affermazioni speculari (ogni risposta n/a o vuota).", "无法得出结论：内部一方没有回答任何对应陈述（所有回答均为不适用或空白）。"),
    ("No verdict: the customer side answered none of the mirrored statements (every answer n/a or blank).", "Pas de verdict : le côté clients n’a répondu à aucune des affirmations en miroir (toutes les réponses sont n/a ou vides).", "Geen oordeel: de klantenkant heeft geen van de gespiegelde stellingen beantwoord (elk antwoord n.v.t. of leeg).", "Nessun verdetto: il lato clienti non ha risposto a nessuna delle affermazioni speculari (ogni risposta n/a o vuota).", "无法得出结论：客户一方没有回答任何对应陈述（所有回答均为不适用或空白）。"),
    ("No verdict: neither side answered any of the mirrored statements (every answer n/a or blank).", "Pas de verdict : aucun des deux côtés n’a répondu aux affirmations en miroir (toutes les réponses sont n/a ou vides).", "Geen oordeel: geen van beide kanten heeft de gespiegelde stellingen beantwoord (elk antwoord n.v.t. of leeg).", "Nessun verdetto: nessuno dei due lati ha risposto alle affermazioni speculari (ogni risposta n/a o vuota).", "无法得出结论：双方都没有回答任何对应陈述（所有回答均为不适用或空白）。"),
    ("To be seen as “{stage}”: {step}", "Pour que vos clients vous voient à l’étape « {stage} » : {step}", "Om door klanten in de fase ‘{stage}’ gezien te worden: {step}", "Per essere percepiti dai clienti come «{stage}»: {step}", "若要让客户认为贵组织已达到“{stage}”阶段：{step}"),
    ("Bars show the score after; {mark} marks the score before.", "Les barres indiquent le score après ; {mark} marque le score avant.", "De balken tonen de score van de nameting; {mark} markeert die van de voormeting.", "Le barre mostrano il punteggio dopo; {mark} indica quello prima.", "条形表示本期得分；{mark} 标出上期得分。"),
    ("Bars show the customers' score; {mark} marks your own.", "Les barres indiquent le score des clients ; {mark} marque le vôtre.", "De balken tonen de score van klanten; {mark} markeert uw eigen score.", "Le barre mostrano il punteggio dei clienti; {mark} indica il vostro.", "条形表示客户评分；{mark} 标出贵组织的自评。"),
    ("Largest gaps: what you believe and your customers do not experience", "Écarts les plus importants : ce que vous croyez et que vos clients ne vivent pas", "Grootste kloven: wat u zelf gelooft maar uw klanten niet ervaren", "Divari maggiori: ciò che credete e che i vostri clienti non sperimentano", "差距最大之处：贵组织自认为做到了，客户却没有感受到"),
    ("internal {inside}, customers {outside}, gap {gap}", "interne {inside} ; clients {outside} ; écart {gap}", "intern {inside}; klanten {outside}; kloof {gap}", "interno {inside}; clienti {outside}; divario {gap}", "内部 {inside}，客户 {outside}，差距 {gap}"),
    ("You believe: {text}", "Vous pensez : {text}", "U denkt: {text}", "Ritenete: {text}", "贵组织认为：{text}"),
    ("Your customers do not experience it: {text}", "Vos clients ne le vivent pas : {text}", "Uw klanten merken het niet: {text}", "I vostri clienti non lo vivono: {text}", "贵组织的客户并未感受到：{text}"),
    ("Your customers: {text}", "Vos clients : {text}", "Uw klanten: {text}", "I vostri clienti: {text}", "贵组织的客户：{text}"),
    ("Recommendations from the gap", "Recommandations issues de l’écart", "Aanbevelingen op basis van de kloof", "Raccomandazioni basate sul divario", "基于差距的建议"),
    ("Customers were asked", "Question posée aux clients", "Voorgelegd aan klanten", "Domanda posta ai clienti", "向客户提出的陈述"),
    ("It mirrors", "En miroir de", "Spiegelt", "Rispecchia", "对应的内部陈述"),
    // Room: the participants' pages, the facilitator's terminal, the second round
    ("Switch language", "Changer de langue", "Taal wijzigen", "Cambia lingua", "切换语言"),
    ("Language", "Langue", "Taal", "Lingua", "语言"),
    ("Join", "Rejoindre", "Deelnemen", "Partecipa", "加入"),
    ("Join code (shown on the screen)", "Code d’accès (affiché à l’écran)", "Toegangscode (op het scherm)", "Codice di accesso (mostrato sullo schermo)", "加入码（显示在屏幕上）"),
    ("Your name", "Votre nom", "Je naam", "Il tuo nome", "您的姓名"),
    ("This room is anonymous: no name is asked or kept.", "Cette séance est anonyme : aucun nom n’est demandé ni conservé.", "Deze sessie is anoniem: er wordt geen naam gevraagd of bewaard.", "Questa sessione è anonima: nessun nome viene chiesto né conservato.", "本场为匿名：不询问也不保存姓名。"),
    ("That is not this room's code. Check the code on the screen and try again.", "Ce n’est pas le code de cette séance. Vérifiez le code affiché à l’écran et réessayez.", "Dat is niet de code van deze sessie. Controleer de code op het scherm en probeer het opnieuw.", "Non è il codice di questa sessione. Controlla il codice sullo schermo e riprova.", "这不是本场的加入码。请核对屏幕上的加入码后重试。"),
    ("Too many wrong codes from this device. Wait a minute, then try again.", "Trop de codes erronés depuis cet appareil. Patientez une minute, puis réessayez.", "Te veel verkeerde codes vanaf dit apparaat. Wacht een minuut en probeer het dan opnieuw.", "Troppi codici errati da questo dispositivo. Attendi un minuto, poi riprova.", "此设备输错加入码的次数过多。请等待一分钟后重试。"),
    ("The room is full.", "La séance est complète.", "De sessie is vol.", "La sessione è al completo.", "本场人数已满。"),
    ("This session has ended.", "Cette séance est terminée.", "Deze sessie is afgelopen.", "Questa sessione è terminata.", "本场已结束。"),
    ("Please give your name.", "Veuillez indiquer votre nom.", "Vul je naam in.", "Indica il tuo nome.", "请填写您的姓名。"),
    ("Answer", "Réponse", "Antwoord", "Risposta", "回答"),
    ("People", "Personnes", "Personen", "Persone", "人数"),
    ("Bar", "Barre", "Balk", "Barra", "条形"),
    ("Fewer than {n} answers: the room's answers are not shown, so that no one's vote can be read off them.", "Moins de {n} réponses : les réponses du groupe ne sont pas affichées, pour que personne ne puisse en déduire le vote de quelqu’un.", "Minder dan {n} antwoorden: de antwoorden van de groep worden niet getoond, zodat niemands stem eruit af te leiden is.", "Meno di {n} risposte: le risposte del gruppo non vengono mostrate, perché non si possa risalire al voto di nessuno.", "回答少于 {n} 个：不显示全场的回答，以免有人据此推断出他人的选择。"),
    ("{title} - {name}", "{title} - {name}", "{title} - {name}", "{title} - {name}", "{title} - {name}"),
    ("Thank you", "Merci", "Bedankt", "Grazie", "谢谢"),
    ("The session has ended. Your answers are saved.", "La séance est terminée. Vos réponses sont enregistrées.", "De sessie is afgelopen. Je antwoorden zijn opgeslagen.", "La sessione è terminata. Le tue risposte sono salvate.", "本场已结束。您的回答已保存。"),
    ("All done for now", "Terminé pour l’instant", "Voorlopig klaar", "Per ora è tutto", "暂时完成"),
    ("You have answered every question of this round. Your answers are saved; the facilitator will tell the room what comes next.", "Vous avez répondu à toutes les questions de ce tour. Vos réponses sont enregistrées ; l’animateur indiquera la suite au groupe.", "Je hebt elke vraag van deze ronde beantwoord. Je antwoorden zijn opgeslagen; de begeleider vertelt de groep wat er nu komt.", "Hai risposto a tutte le domande di questo turno. Le tue risposte sono salvate; il facilitatore dirà al gruppo come si prosegue.", "您已回答本轮的全部问题，回答已保存；主持人会告诉大家下一步安排。"),
    ("Review my answers", "Revoir mes réponses", "Mijn antwoorden bekijken", "Rivedi le mie risposte", "查看我的回答"),
    ("Second round: question {k} of {n}", "Second tour : question {k} sur {n}", "Tweede ronde: vraag {k} van {n}", "Secondo turno: domanda {k} di {n}", "第二轮：第 {k} 题，共 {n} 题"),
    ("Question {k} of {n}", "Question {k} sur {n}", "Vraag {k} van {n}", "Domanda {k} di {n}", "第 {k} 题，共 {n} 题"),
    ("More about this statement", "En savoir plus sur cette affirmation", "Meer over deze stelling", "Maggiori dettagli su questa affermazione", "关于此陈述的更多说明"),
    ("Saved.", "Enregistré.", "Opgeslagen.", "Salvato.", "已保存。"),
    ("The room's answers in the first round", "Réponses du groupe au premier tour", "Antwoorden van de groep in de eerste ronde", "Risposte del gruppo al primo turno", "第一轮全场回答"),
    ("The room's answers in the second round", "Réponses du groupe au second tour", "Antwoorden van de groep in de tweede ronde", "Risposte del gruppo al secondo turno", "第二轮全场回答"),
    ("The room's answers", "Réponses du groupe", "Antwoorden van de groep", "Risposte del gruppo", "全场回答"),
    ("You did not answer this question.", "Vous n’avez pas répondu à cette question.", "Je hebt deze vraag niet beantwoord.", "Non hai risposto a questa domanda.", "您没有回答这个问题。"),
    ("Your answer: {answer}", "Votre réponse : {answer}", "Je antwoord: {answer}", "La tua risposta: {answer}", "您的回答：{answer}"),
    ("Voting on this question is closed.", "Le vote sur cette question est clos.", "Stemmen op deze vraag is gesloten.", "La votazione su questa domanda è chiusa.", "此题投票已结束。"),
    ("The room's answers are shown once everyone has voted or the facilitator reveals them. You can change your answer until then.", "Les réponses du groupe s’affichent quand tout le monde a voté ou quand l’animateur les dévoile. Vous pouvez modifier votre réponse d’ici là.", "De antwoorden van de groep verschijnen zodra iedereen heeft gestemd of de begeleider ze toont. Tot dan kun je je antwoord nog wijzigen.", "Le risposte del gruppo compaiono quando tutti hanno votato o quando il facilitatore le rivela. Fino ad allora puoi cambiare la tua risposta.", "所有人投票后或主持人公布时，才会显示全场回答。在此之前，您可以修改自己的回答。"),
    ("Previous question", "Question précédente", "Vorige vraag", "Domanda precedente", "上一题"),
    ("Next question", "Question suivante", "Volgende vraag", "Domanda successiva", "下一题"),
    ("Note (optional): an example, evidence", "Note (facultative) : un exemple, un élément concret", "Notitie (optioneel): een voorbeeld, een bewijs", "Nota (facoltativa): un esempio, un riscontro", "备注（选填）：举例或依据"),
    ("Change my answer", "Modifier ma réponse", "Mijn antwoord wijzigen", "Modifica la mia risposta", "修改我的回答"),
    ("Save my answer", "Enregistrer ma réponse", "Mijn antwoord opslaan", "Salva la mia risposta", "保存我的回答"),
    ("Join on your phone", "Rejoignez la séance sur votre téléphone", "Doe mee op je telefoon", "Partecipa dal tuo telefono", "用手机加入"),
    ("Join code:", "Code d’accès :", "Toegangscode:", "Codice di accesso:", "加入码："),
    ("QR code of the join address", "Code QR de l’adresse d’accès", "QR-code van het toegangsadres", "Codice QR dell’indirizzo di accesso", "加入地址的二维码"),
    ("{n} participants", "{n} participants", "{n} deelnemers", "{n} partecipanti", "{n} 名参与者"),
    ("{voted} of {n} have voted", "{voted} sur {n} ont voté", "{voted} van {n} hebben gestemd", "{voted} su {n} hanno votato", "已投票 {voted} 人，共 {n} 人"),
    ("{n} notes on this question", "{n} notes sur cette question", "{n} notities bij deze vraag", "{n} note su questa domanda", "本题有 {n} 条备注"),
    ("The QR code needs a terminal of {columns} columns and {rows} rows; the room's page shows it: {url}", "Le code QR demande un terminal de {columns} colonnes et {rows} lignes ; la page de la séance l’affiche : {url}", "De QR-code heeft een terminal van {columns} kolommen en {rows} regels nodig; de pagina van de sessie toont hem: {url}", "Il codice QR richiede un terminale di {columns} colonne e {rows} righe; la pagina della sessione lo mostra: {url}", "二维码需要 {columns} 列、{rows} 行的终端；本场页面会显示它：{url}"),
    ("Progress", "Progression", "Voortgang", "Avanzamento", "进度"),
    ("Participant", "Participant", "Deelnemer", "Partecipante", "参与者"),
    ("Not found", "Page introuvable", "Niet gevonden", "Pagina non trovata", "未找到页面"),
    ("Join the room", "Rejoindre la séance", "Deelnemen aan de sessie", "Partecipa alla sessione", "加入本场"),
    ("Back to the question", "Retour à la question", "Terug naar de vraag", "Torna alla domanda", "返回题目"),
    ("That answer is not one of the options.", "Cette réponse ne fait pas partie des options.", "Dat antwoord is geen van de opties.", "Questa risposta non è tra le opzioni.", "该回答不在选项之中。"),
    ("Your answer could not be saved. Please tell the facilitator.", "Votre réponse n’a pas pu être enregistrée. Prévenez l’animateur.", "Je antwoord kon niet worden opgeslagen. Laat het de begeleider weten.", "Non è stato possibile salvare la tua risposta. Avvisa il facilitatore.", "您的回答未能保存，请告知主持人。"),
    ("Your place could not be saved. Please tell the facilitator.", "Votre inscription n’a pas pu être enregistrée. Prévenez l’animateur.", "Je deelname kon niet worden opgeslagen. Laat het de begeleider weten.", "Non è stato possibile registrare la tua partecipazione. Avvisa il facilitatore.", "您的加入信息未能保存，请告知主持人。"),
    ("Keys: Enter or n next, b back, r reveal, v re-vote, 2 second round, g group result, e end, ? keys", "Touches : Entrée ou n suivante, b précédente, r dévoiler, v revoter, 2 second tour, g résultat du groupe, e terminer, ? touches", "Toetsen: Enter of n volgende, b terug, r tonen, v opnieuw stemmen, 2 tweede ronde, g groepsresultaat, e einde, ? toetsen", "Tasti: Invio o n avanti, b indietro, r rivela, v rivota, 2 secondo turno, g risultato del gruppo, e fine, ? tasti", "按键：Enter 或 n 下一题，b 上一题，r 公布，v 重新投票，2 第二轮，g 小组结果，e 结束，? 按键说明"),
    ("Keys: g group result, r show the room's result to participants, 2 second round, e end, ? keys", "Touches : g résultat du groupe, r montrer le résultat du groupe aux participants, 2 second tour, e terminer, ? touches", "Toetsen: g groepsresultaat, r groepsresultaat aan deelnemers tonen, 2 tweede ronde, e einde, ? toetsen", "Tasti: g risultato del gruppo, r mostra il risultato del gruppo ai partecipanti, 2 secondo turno, e fine, ? tasti", "按键：g 小组结果，r 向参与者公布全场结果，2 第二轮，e 结束，? 按键说明"),
    ("End the session for everyone? y ends it, any other key goes on.", "Terminer la séance pour tout le monde ? y pour terminer, toute autre touche pour continuer.", "De sessie voor iedereen beëindigen? y beëindigt, elke andere toets gaat verder.", "Terminare la sessione per tutti? y per terminare, qualsiasi altro tasto per continuare.", "为所有人结束本场？按 y 结束，按其他任意键继续。"),
    ("The session goes on.", "La séance continue.", "De sessie gaat door.", "La sessione continua.", "本场继续。"),
    ("No item to ask again: the room broadly agrees on every item.", "Aucun item à reposer : le groupe est globalement d’accord sur chaque item.", "Geen item om opnieuw te stellen: de groep is het over elk item grotendeels eens.", "Nessun item da riproporre: il gruppo è sostanzialmente d'accordo su ogni item.", "没有需要重新提问的题项：全体参与者在每个题项上基本一致。"),
    ("The second round is already under way.", "Le second tour est déjà en cours.", "De tweede ronde is al bezig.", "Il secondo turno è già in corso.", "第二轮已在进行中。"),
    ("Second round: {n} items the room disagreed on are asked again.", "Second tour : {n} items sur lesquels le groupe était partagé sont reposés.", "Tweede ronde: {n} items waarover de groep verdeeld was, worden opnieuw gesteld.", "Secondo turno: vengono riproposti {n} item su cui il gruppo era diviso.", "第二轮：重新提问全场意见分歧的 {n} 个题项。"),
    ("The session has ended.", "La séance est terminée.", "De sessie is afgelopen.", "La sessione è terminata.", "本场已结束。"),
    ("consensus reached", "consensus atteint", "consensus bereikt", "consenso raggiunto", "已达成共识"),
    ("no consensus", "pas de consensus", "geen consensus", "nessun consenso", "未达成共识"),
    ("{share}% within one scale point of the median (rule: {rule}%): {verdict}", "{share} % des réponses à un point d’échelle de la médiane au plus (règle : {rule} %) : {verdict}", "{share}% binnen één schaalpunt van de mediaan (regel: {rule}%): {verdict}", "{share}% entro un punto di scala dalla mediana (regola: {rule}%): {verdict}", "{share}% 的回答与中位数相差不超过一个量表分（规则：{rule}%）：{verdict}"),
    ("Second round: progress", "Second tour : progression", "Tweede ronde: voortgang", "Secondo turno: avanzamento", "第二轮：进度"),
    ("Nobody has joined yet.", "Personne n’a encore rejoint la séance.", "Er doet nog niemand mee.", "Non si è ancora unito nessuno.", "尚无人加入。"),
    ("facilitator-paced", "au rythme de l’animateur", "in het tempo van de begeleider", "al ritmo del facilitatore", "由主持人控制进度"),
    ("self-paced", "au rythme de chacun", "ieder in eigen tempo", "al ritmo di ciascuno", "各自按自己的进度"),
    ("Resumed with {n} participants; each goes on where they were.", "Reprise avec {n} participants ; chacun continue là où il en était.", "Hervat met {n} deelnemers; ieder gaat verder waar hij was.", "Ripresa con {n} partecipanti; ognuno continua da dove era rimasto.", "已恢复，共 {n} 名参与者；每人从上次的位置继续。"),
    ("Join on the same network: {url}", "Rejoindre depuis le même réseau : {url}", "Deelnemen via hetzelfde netwerk: {url}", "Partecipa dalla stessa rete: {url}", "在同一网络中加入：{url}"),
    ("To project the room's page, open {url} on this machine.", "Pour projeter la page de la séance, ouvrez {url} sur cette machine.", "Open {url} op deze computer om de pagina van de sessie te projecteren.", "Per proiettare la pagina della sessione, apri {url} su questo computer.", "如需投影本场页面，请在本机打开 {url}。"),
    ("Answers are saved in {folder} as they are given.", "Les réponses sont enregistrées dans {folder} au fur et à mesure.", "Antwoorden worden meteen opgeslagen in {folder}.", "Le risposte vengono salvate in {folder} man mano che arrivano.", "回答提交后即保存到 {folder}。"),
    ("The session has ended. {n} answer files are in {folder}; `centricity summarize {folder}` reads them again.", "La séance est terminée. {n} fichiers de réponses se trouvent dans {folder} ; `centricity summarize {folder}` les relit.", "De sessie is afgelopen. {n} antwoordbestanden staan in {folder}; `centricity summarize {folder}` leest ze opnieuw.", "La sessione è terminata. {n} file di risposte si trovano in {folder}; `centricity summarize {folder}` li rilegge.", "本场已结束。{folder} 中有 {n} 个回答文件；`centricity summarize {folder}` 可再次读取。"),
    ("Stopped. Every confirmed answer is saved in {folder}.", "Arrêt. Toutes les réponses confirmées sont enregistrées dans {folder}.", "Gestopt. Elk bevestigd antwoord is opgeslagen in {folder}.", "Interrotto. Tutte le risposte confermate sono salvate in {folder}.", "已停止。所有已确认的回答均已保存到 {folder}。"),
    ("Second round", "Second tour", "Tweede ronde", "Secondo turno", "第二轮"),
    ("The items the room disagreed on were asked again, each with the room's anonymous answers. Consensus: at least {rule}% of the answers within one scale point of their median.", "Les items sur lesquels le groupe était partagé ont été reposés, chacun avec les réponses anonymes du groupe. Consensus : au moins {rule} % des réponses à un point d’échelle de leur médiane au plus.", "De items waarover de groep verdeeld was, zijn opnieuw gesteld, elk met de anonieme antwoorden van de groep. Consensus: minstens {rule}% van de antwoorden binnen één schaalpunt van hun mediaan.", "Gli item su cui il gruppo era diviso sono stati riproposti, ciascuno con le risposte anonime del gruppo. Consenso: almeno il {rule}% delle risposte entro un punto di scala dalla loro mediana.", "全场意见分歧的题项已重新提问，并附上全场的匿名回答。共识规则：至少 {rule}% 的回答与其中位数相差不超过一个量表分。"),
    ("SD before", "É.-T. avant", "SD voor", "DS prima", "之前标准差"),
    ("SD after", "É.-T. après", "SD na", "DS dopo", "之后标准差"),
    ("Within one point before", "À un point près, avant", "Binnen één punt, voor", "Entro un punto, prima", "之前一分以内"),
    ("Within one point after", "À un point près, après", "Binnen één punt, na", "Entro un punto, dopo", "之后一分以内"),
    ("yes", "oui", "ja", "sì", "是"),
    ("no", "non", "nee", "no", "否"),
    ("Consensus", "Consensus", "Consensus", "Consenso", "共识"),
    ("1 group with fewer than {min} respondents is not shown, so that no one's answers can be read off it.", "1 groupe de moins de {min} répondants n’est pas affiché, pour que personne ne puisse en déduire les réponses de quelqu’un.", "1 groep met minder dan {min} respondenten wordt niet getoond, zodat niemands antwoorden eruit af te leiden zijn.", "1 gruppo con meno di {min} rispondenti non è mostrato, perché non si possa risalire alle risposte di nessuno.", "有 1 个不足 {min} 名受访者的小组未显示，以免有人据此推断出他人的回答。"),
    ("{n} groups with fewer than {min} respondents are not shown, so that no one's answers can be read off them.", "{n} groupes de moins de {min} répondants ne sont pas affichés, pour que personne ne puisse en déduire les réponses de quelqu’un.", "{n} groepen met minder dan {min} respondenten worden niet getoond, zodat niemands antwoorden eruit af te leiden zijn.", "{n} gruppi con meno di {min} rispondenti non sono mostrati, perché non si possa risalire alle risposte di nessuno.", "有 {n} 个不足 {min} 名受访者的小组未显示，以免有人据此推断出他人的回答。"),
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

/// Forms for a count of one, where a language says one thing differently from many: (the
/// catalogue's English text, the language, the placeholder holding the count, the text). The
/// count that decides is each language's own: French counts the answers given where English
/// counts the questions.
#[rustfmt::skip]
const ONE: &[(&str, &str, &str, &str)] = &[
    ("group of {n} respondents", "en", "n", "group of {n} respondent"),
    ("group of {n} respondents", "fr", "n", "groupe de {n} répondant"),
    ("group of {n} respondents", "nl", "n", "groep van {n} respondent"),
    ("group of {n} respondents", "it", "n", "gruppo di {n} rispondente"),
    ("{n} respondents", "en", "n", "{n} respondent"),
    ("{n} respondents", "fr", "n", "{n} répondant"),
    ("{n} respondents", "nl", "n", "{n} respondent"),
    ("{n} respondents", "it", "n", "{n} rispondente"),
    ("{title} ({n} questions)", "en", "n", "{title} ({n} question)"),
    ("{title} ({n} questions)", "fr", "n", "{title} ({n} question)"),
    ("{title} ({n} questions)", "nl", "n", "{title} ({n} vraag)"),
    ("{title} ({n} questions)", "it", "n", "{title} ({n} domanda)"),
    ("Maturity index {index} of {n} - overall score {score} - {answered} of {total} items answered", "en", "total", "Maturity index {index} of {n} - overall score {score} - {answered} of {total} item answered"),
    ("Maturity index {index} of {n} - overall score {score} - {answered} of {total} items answered", "fr", "answered", "Indice de maturité {index} sur {n} - score global {score} - {answered} item renseigné sur {total}"),
    ("Maturity index {index} of {n} - overall score {score} - {answered} of {total} items answered", "it", "answered", "Indice di maturità {index} su {n} - punteggio complessivo {score} - risposta a {answered} item su {total}"),
    ("Maturity index {index} of {n} - overall score {score} - {answered} of {total} items answered", "nl", "total", "Volwassenheidsindex {index} van {n} - totaalscore {score} - {answered} van {total} item beantwoord"),
    ("Overall score {score} - {answered} of {total} items answered", "nl", "total", "Totaalscore {score} - {answered} van {total} item beantwoord"),
    ("Overall score {score} - {answered} of {total} items answered", "en", "total", "Overall score {score} - {answered} of {total} item answered"),
    ("Overall score {score} - {answered} of {total} items answered", "fr", "answered", "Score global {score} - {answered} item renseigné sur {total}"),
    ("Overall score {score} - {answered} of {total} items answered", "it", "answered", "Punteggio complessivo {score} - risposta a {answered} item su {total}"),
    ("insufficient evidence: {answered} of {total} answered", "fr", "answered", "données insuffisantes : {answered} réponse sur {total}"),
    ("insufficient evidence: {answered} of {total} answered", "it", "answered", "dati insufficienti: risposta a {answered} item su {total}"),
    ("Resuming: {answered} of {total} already answered.", "fr", "answered", "Reprise : {answered} réponse sur {total} déjà enregistrée."),
    ("Resuming: {answered} of {total} already answered.", "it", "answered", "Ripresa: risposta già data a {answered} domanda su {total}."),
    ("{count} of {asked} answers were \"don't know\" ({share}%).", "en", "count", "{count} of {asked} answers was \"don't know\" ({share}%)."),
    ("{count} of {asked} answers were \"don't know\" ({share}%).", "fr", "count", "{count} réponse sur {asked} est « je ne sais pas » ({share} %)."),
    ("{count} of {asked} answers were \"don't know\" ({share}%).", "nl", "count", "{count} van de {asked} antwoorden was ‘weet ik niet’ ({share}%)."),
    ("{count} of {asked} answers were \"don't know\" ({share}%).", "it", "count", "{count} risposta su {asked} è «non so» ({share}%)."),
    ("Saved {answered} of {total} answers to {path}.", "en", "total", "Saved {answered} of {total} answer to {path}."),
    ("Saved {answered} of {total} answers to {path}.", "fr", "answered", "{answered} réponse sur {total} enregistrée dans {path}."),
    ("Saved {answered} of {total} answers to {path}.", "nl", "total", "{answered} van {total} antwoord opgeslagen in {path}."),
    ("Saved {answered} of {total} answers to {path}.", "it", "answered", "Salvata {answered} risposta su {total} in {path}."),
    ("type {n} answers, one per participant", "en", "n", "type {n} answer, one per participant"),
    ("type {n} answers, one per participant", "fr", "n", "tapez {n} réponse, une par participant"),
    ("type {n} answers, one per participant", "nl", "n", "typ {n} antwoord, één per deelnemer"),
    ("type {n} answers, one per participant", "it", "n", "digitate {n} risposta, una per partecipante"),
    ("expected {n} answers ({names}), got {got}", "en", "n", "expected {n} answer ({names}), got {got}"),
    ("expected {n} answers ({names}), got {got}", "nl", "n", "{n} antwoord verwacht ({names}), {got} gekregen"),
    ("{n} participants", "en", "n", "{n} participant"),
    ("{n} participants", "fr", "n", "{n} participant"),
    ("{n} participants", "nl", "n", "{n} deelnemer"),
    ("{n} participants", "it", "n", "{n} partecipante"),
    ("Resumed with {n} participants; each goes on where they were.", "en", "n", "Resumed with {n} participant, who goes on where they were."),
    ("Resumed with {n} participants; each goes on where they were.", "fr", "n", "Reprise avec {n} participant, qui continue là où il en était."),
    ("Resumed with {n} participants; each goes on where they were.", "nl", "n", "Hervat met {n} deelnemer, die verdergaat waar hij was."),
    ("Resumed with {n} participants; each goes on where they were.", "it", "n", "Ripresa con {n} partecipante, che continua da dove era rimasto."),
    ("Second round: {n} items the room disagreed on are asked again.", "en", "n", "Second round: {n} item the room disagreed on is asked again."),
    ("Second round: {n} items the room disagreed on are asked again.", "fr", "n", "Second tour : {n} item sur lequel le groupe était partagé est reposé."),
    ("Second round: {n} items the room disagreed on are asked again.", "nl", "n", "Tweede ronde: {n} item waarover de groep verdeeld was, wordt opnieuw gesteld."),
    ("Second round: {n} items the room disagreed on are asked again.", "it", "n", "Secondo turno: viene riproposto {n} item su cui il gruppo era diviso."),
    ("The session has ended. {n} answer files are in {folder}; `centricity summarize {folder}` reads them again.", "en", "n", "The session has ended. {n} answer file is in {folder}; `centricity summarize {folder}` reads it again."),
    ("The session has ended. {n} answer files are in {folder}; `centricity summarize {folder}` reads them again.", "fr", "n", "La séance est terminée. {n} fichier de réponses se trouve dans {folder} ; `centricity summarize {folder}` le relit."),
    ("The session has ended. {n} answer files are in {folder}; `centricity summarize {folder}` reads them again.", "nl", "n", "De sessie is afgelopen. {n} antwoordbestand staat in {folder}; `centricity summarize {folder}` leest het opnieuw."),
    ("The session has ended. {n} answer files are in {folder}; `centricity summarize {folder}` reads them again.", "it", "n", "La sessione è terminata. {n} file di risposte si trova in {folder}; `centricity summarize {folder}` lo rilegge."),
    ("{voted} of {n} have voted", "en", "voted", "{voted} of {n} has voted"),
    ("{voted} of {n} have voted", "fr", "voted", "{voted} sur {n} a voté"),
    ("{voted} of {n} have voted", "nl", "voted", "{voted} van {n} heeft gestemd"),
    ("{voted} of {n} have voted", "it", "voted", "{voted} su {n} ha votato"),
    ("{n} notes on this question", "en", "n", "{n} note on this question"),
    ("{n} notes on this question", "fr", "n", "{n} note sur cette question"),
    ("{n} notes on this question", "nl", "n", "{n} notitie bij deze vraag"),
    ("{n} notes on this question", "it", "n", "{n} nota su questa domanda"),
];

/// Whether `n` takes a language's "one" form (CLDR's cardinal rules: French counts 0 and 1 as
/// one; Chinese has no plural).
fn is_one(lang: &str, n: u64) -> bool {
    match lang {
        "fr" => n <= 1,
        "zh" => false,
        _ => n == 1,
    }
}

/// `n` and the English noun in the form `n` takes, for messages spoken only in English
/// ("1 question", "24 questions").
pub(crate) fn english_count<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    let noun = if n == N::from(1) { one } else { many };
    format!("{n} {noun}")
}

/// `english` in `lang` with each `{name}` replaced by its value, in the form its count takes
/// ("1 respondent", "2 respondents").
pub(crate) fn fill(lang: &str, english: &'static str, values: &[(&str, &str)]) -> String {
    let mut text = form(lang, english, values).to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The entry `english` in `lang` as [`fill`] picks it for `values`: its form for one when the
/// count it names is one, before the placeholders are filled.
pub(crate) fn form(lang: &str, english: &'static str, values: &[(&str, &str)]) -> &'static str {
    // Languages the catalogue lacks are spoken in English.
    let spoken = if speaks(lang) { lang } else { "en" };
    let one = ONE.iter().find(|(key, l, count, _)| {
        *key == english
            && *l == spoken
            && values
                .iter()
                .find(|(name, _)| name == count)
                .and_then(|(_, v)| v.parse::<u64>().ok())
                .is_some_and(|n| is_one(spoken, n))
    });
    match one {
        Some((_, _, _, form)) => form,
        None => tr(lang, english),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` placeholders of a text, sorted.
    fn placeholders(t: &str) -> Vec<String> {
        let mut p: Vec<String> = t
            .split('{')
            .skip(1)
            .filter_map(|s| s.split('}').next())
            .map(str::to_owned)
            .collect();
        p.sort();
        p
    }

    #[test]
    fn every_entry_is_translated_with_the_same_placeholders() {
        for e in CATALOGUE {
            for (lang, t) in LANGUAGES.iter().zip([e.1, e.2, e.3, e.4]) {
                assert!(!t.is_empty(), "no {lang} for {:?}", e.0);
                assert_eq!(placeholders(t), placeholders(e.0), "{lang} for {:?}", e.0);
            }
        }
    }

    #[test]
    fn every_form_for_one_belongs_to_an_entry_and_keeps_its_placeholders() {
        for (key, lang, count, form) in ONE {
            assert!(
                CATALOGUE.iter().any(|e| e.0 == *key),
                "{key:?} is not in the catalogue"
            );
            assert!(
                *lang == "en" || LANGUAGES.contains(lang),
                "{lang} for {key:?}"
            );
            assert!(
                placeholders(key).contains(&(*count).to_owned()),
                "{count} in {key:?}"
            );
            assert_eq!(placeholders(form), placeholders(key), "{lang} for {key:?}");
        }
    }

    #[test]
    fn counts_take_each_languages_plural_form() {
        let group = |lang, n: &str| fill(lang, "group of {n} respondents", &[("n", n)]);
        assert_eq!(group("en", "1"), "group of 1 respondent");
        assert_eq!(group("en", "0"), "group of 0 respondents");
        assert_eq!(group("en", "2"), "group of 2 respondents");
        assert_eq!(group("de", "1"), "group of 1 respondent");
        assert_eq!(group("fr", "0"), "groupe de 0 répondant");
        assert_eq!(group("fr", "1"), "groupe de 1 répondant");
        assert_eq!(group("fr", "2"), "groupe de 2 répondants");
        assert_eq!(group("nl", "1"), "groep van 1 respondent");
        assert_eq!(group("it", "11"), "gruppo di 11 rispondenti");
        assert_eq!(group("zh", "1"), "1 名受访者组成的小组");
        // Each language's own count decides: English counts the questions, French the answers.
        let saved = |lang, answered: &str, total: &str| {
            fill(
                lang,
                "Saved {answered} of {total} answers to {path}.",
                &[("answered", answered), ("total", total), ("path", "a.toml")],
            )
        };
        assert_eq!(saved("en", "1", "24"), "Saved 1 of 24 answers to a.toml.");
        assert_eq!(saved("en", "1", "1"), "Saved 1 of 1 answer to a.toml.");
        assert_eq!(
            saved("fr", "1", "24"),
            "1 réponse sur 24 enregistrée dans a.toml."
        );
        assert_eq!(
            saved("fr", "3", "24"),
            "3 réponses sur 24 enregistrées dans a.toml."
        );
    }

    /// Every text of `lang` in the catalogue, with the forms for one.
    fn texts(lang: &str) -> Vec<&'static str> {
        let k = LANGUAGES
            .iter()
            .position(|l| *l == lang)
            .expect("a language");
        CATALOGUE
            .iter()
            .map(|e| [e.1, e.2, e.3, e.4][k])
            .chain(ONE.iter().filter(|o| o.1 == lang).map(|o| o.3))
            .collect()
    }

    /// French puts a no-break space before `:` (U+00A0) and a narrow one before `;`, `?` and `!`
    /// (U+202F), and inside « » (U+202F), so that a line never starts with the mark or a quote
    /// mark is never left alone at the end of a line. A `?` at the start of an entry or after a
    /// comma is the name of a key ("? aide"), not a question mark, and keeps its plain space.
    #[test]
    fn french_puts_no_break_spaces_before_high_punctuation_and_inside_guillemets() {
        let mut wrong = Vec::new();
        for t in texts("fr") {
            let chars: Vec<char> = t.chars().collect();
            for (k, &c) in chars.iter().enumerate() {
                let before = k.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(k + 1).copied();
                let key = c == '?' && (k == 0 || (k >= 2 && chars[k - 2] == ','));
                // A colon between two characters ("12:00", an address) is not punctuation.
                let inside_word = c == ':'
                    && before.is_some_and(|b| !b.is_whitespace())
                    && after.is_some_and(|a| !a.is_whitespace());
                let fine = match c {
                    _ if key || inside_word => true,
                    ':' => matches!(before, Some('\u{a0}' | '\u{202f}')),
                    ';' | '?' | '!' => before == Some('\u{202f}'),
                    '«' => after == Some('\u{202f}'),
                    '»' => before == Some('\u{202f}'),
                    _ => true,
                };
                if !fine {
                    wrong.push(format!("{c:?} in {t:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// Chinese writes its own full-width brackets, commas, colons and semicolons, also around
    /// the ids and figures filled into a text ("{id}（{score}）"): a half-width one is a mark
    /// copied from English. A colon between two characters (an address) is not punctuation.
    #[test]
    fn chinese_writes_full_width_punctuation() {
        let mut wrong = Vec::new();
        for t in texts("zh") {
            let chars: Vec<char> = t.chars().collect();
            for (k, &c) in chars.iter().enumerate() {
                let before = k.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(k + 1).copied();
                let inside_word = c == ':'
                    && before.is_some_and(|b| !b.is_whitespace())
                    && after.is_some_and(|a| !a.is_whitespace());
                if matches!(c, '(' | ')' | ',' | ':' | ';') && !inside_word {
                    wrong.push(format!("{c:?} in {t:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
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
