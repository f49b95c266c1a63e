// Hand-written profiles of the languages met in French customer exports, for detectLanguage.
// Each profile lists, without accents (the keys of foldKey):
//   words     frequent function words and the everyday words of reviews, complaints and chats;
//   suffixes  word endings typical of the language (inflections, derivations);
//   clusters  letter sequences typical of its spelling, found anywhere in a word;
// and, with their accents, the letters its spelling has and most others lack.
// A feature listed by several languages counts for each of them in part (see language.ts), so a
// word common to Spanish, Portuguese and Catalan proves little, as it should: list what a language
// writes, not only what it alone writes. Written for this project from knowledge of the languages.
// The lists' lines start at the margin: a template string keeps its indentation, which the browser
// bundle would carry for nothing.

/** One language: space-separated features (words, suffixes and clusters without accents). */
export interface LanguageProfile {
  words: string;
  suffixes: string;
  clusters: string;
  /** Letters as written (accents kept), each counted once per occurrence. */
  letters: string;
}

export const PROFILES: Readonly<Record<string, LanguageProfile>> = {
  fra: {
    words: `service services client clients excellent excellente excellents excellentes site sites top super extra hyper concept original originale originaux gamme stock vin vins cafe total totale confiance signaler negatif positif vente ligne ravi ravie content contente extremement adorable equipe correspond attentes niveau mieux faire proches amis reactif reactive serviable fiable delicieux decouverte boite belle beau beaux enfin entierement vivement sans hesiter
le la les un une des du de au aux et ou mais donc ni car je tu il elle on nous vous ils elles
me te se moi toi lui leur leurs eux mon ma mes ton ta tes son sa ses notre nos votre vos ce cet
cette ces ceci cela ca qui que quoi dont quand comme si ne pas plus jamais rien personne aucun
aucune tres trop peu bien mal tout tous toute toutes avec sans pour par sur sous dans chez vers entre
depuis pendant avant apres encore deja toujours aussi alors puis ici voila est sont etait etaient ete
etre avoir ai as avons avez ont avait avaient fait faire fais peut peux pouvez doit dois va vais vont
suis es sommes etes sera serait seront y oui merci bonjour bonsoir madame monsieur beaucoup vraiment
franchement plutot assez vite rapide rapides rapidement parfait parfaite parfaitement impeccable
nickel conforme satisfait satisfaite decu decue decevant recommande recommander recommanderai
recommandons conseille qualite prix commande commandes commander commande livraison livre livree
livres colis produit produits article articles recu recue recus envoi envoye expedition rembourse
remboursement attente attendre attendu delai delais reponse repondu conseiller conseillere souci
soucis probleme problemes emballage emballe soigne soignee bon bonne bons bonnes mauvais mauvaise cher
chere chers facture abonnement agence magasin boutique achat achats achete acheter vendeur vendeuse
accueil personnel aimable sympa efficace serieux serieuse bravo ensemble choix cadeau adresse heure
jour jours semaine semaines mois fois suite lors afin chose rien encore deux trois quatre cinq dix
cela ceux celui celle quelque quelques chaque autre autres meme memes grand grande petit petite
nouveau nouvelle vraiment surtout toujours jamais sinon lorsque parce puisque car voici
estime recu eu pu vu dit mis pris venu arrive arrivee arrives fonctionne marche nul nulle genial
geniale excellente agreable rapidite efficacite gentillesse disponibilite ecoute relation suivi
dommage inadmissible honteux scandaleux lamentable dire aucune beaucoup peux veux voulais aurait
etait leur lesquels desormais dorenavant svp stp bcp tjrs pb jsuis chui cest jai`,
    suffixes: `eux euse euses ees aient ait ais ions iez ez er oir eur eurs eure ique iques ette ettes eau
eaux aux ible ier iere ieres iers ment ments tion tions sion ance ence ee age ages ite ites oire
oires ais aise aises ois oise eil eille aille ouille ent ont ont erons erez era ait eront ifs ive
ives igne ien ienne iennes nt oup out ux`,
    clusters: `eau oeu ou oi ai eu qu aie aux oux`,
    letters: 'éèêëàâîïôûùçœÿ',
  },
  eng: {
    words: `excellent site top super extra concept original total service services
the a an and or but so if of to in on at by for with from about as into over after before
than then there here this that these those it its i me my mine you your yours he him his she her we
us our they them their what which who whom whose when where why how all any some no not nor only
very too also just still yet again never always ever is are was were be been being am do does did
done have has had having will would shall should can could may might must get got getting go going
gone went come came make made take took give gave say said tell told know knew think thought want
need like love hate good great bad best worst nice lovely awful terrible poor excellent amazing
quick fast slow late early cheap expensive price value quality order ordered orders delivery
delivered deliver parcel package item items product products shipping shipped refund refunded
return returned customer service staff store shop seller support answer answered reply replied
waiting waited wait week weeks day days month months hour hours time times thanks thank please
hello hi dear regards sorry recommend recommended would wouldn don doesn didn isn wasn aren weren
can't won wont ive im dont didnt cant isnt wasnt arrived received broken damaged wrong missing
still nobody someone everything nothing anything something one two three first last next back
well really quite pretty much many more most less little lot lots again definitely absolutely
happy disappointed friendly helpful rude polite clean dirty room rooms food table bill charged
twice account app website email emails phone call called calls again waste money avoid stuff
overall though although because while since until without within through every each other`,
    suffixes: `ing ings ly ed ness ful less ous ship ity ght th ay ey ow ew ies ied ement ments ture tures
able ible tion tions ally ish ward wards er ers est ck`,
    clusters: `th wh sh ck ea ght oo ee ay ey ow aw ew ou`,
    letters: '',
  },
  spa: {
    words: `excelente super top original total desastre principio fin
el la los las un una unos unas lo al del de y e o u pero ni que quien quienes cual cuando
donde como porque pues si no ya muy mas menos tan tanto mucho mucha muchos muchas poco poca todo
toda todos todas nada nadie algo alguien siempre nunca tambien tampoco aqui alli ahora despues antes
luego todavia aun con sin para por en entre hasta desde sobre hacia contra yo tu el ella usted
nosotros nosotras vosotros ellos ellas ustedes me te se nos os le les mi mis tu tus su sus nuestro
nuestra vuestro este esta estos estas ese esa esos esas aquel es son era eran fue fueron ser estar
estoy estas estamos estan estaba estaban he ha han hemos habia hay tengo tiene tienen tenia hace
hacer hizo puede pueden podria quiero quiere gracias hola buenos buenas dias tardes noches senor
senora pedido pedidos envio enviado llego llegado llegar entrega entregado paquete producto
productos calidad precio precios tienda vendedor atencion cliente clientes servicio reembolso
devolucion factura cuenta dinero problema problemas semana semanas mes meses hora horas dia vez
veces bueno buena buenos malo mala malos mejor peor rapido rapida lento caro barato perfecto
perfecta genial excelente recomiendo recomendable encanta encanto contento contenta satisfecho
decepcionado roto rota nadie nunca espero esperando llamada llamar correo correos personal amable
gente sitio web aplicacion compra compre comprar cosa cosas otro otra otros solo sigue sin embargo
asi bien mal tal cual cuanto vale hoy ayer manana ya`,
    suffixes: `cion ciones sion siones dad dades idad mente ado ada ados adas ido ida idos idas ando iendo
aron ieron amos emos imos aba aban ia ias ero eros era eras oso osa osos osas eza anza encia iente
ientes ito ita itos itas isimo isima ud`,
    clusters: `ll ue ie rr`,
    letters: 'ñáíóú¿¡',
  },
  deu: {
    words: `super top total original konzept service
der die das den dem des ein eine einen einem einer eines und oder aber denn sondern doch
nicht kein keine keinen keiner nichts nie niemand ich du er sie es wir ihr mich mir dich dir ihn ihm
ihnen uns euch mein meine meinen meinem meiner dein sein seine ihre ihren unser unsere euer ist sind
war waren bin bist sein gewesen habe hast hat haben hatte hatten wird werden wurde wurden worden
kann konnen konnte muss mussen musste soll sollte will wollen mochte mit ohne fur von zu zum zur bei
nach aus auf an am im in uber unter vor hinter zwischen seit bis durch gegen um als wie wenn weil
dass ob auch noch schon sehr zu so nur immer wieder jetzt hier dort da dann heute gestern morgen
alles alle viel viele mehr wenig etwas ganz gut gute guten besser beste schlecht schlechte toll super
schnell langsam teuer billig preis preise qualitat lieferung geliefert bestellung bestellt paket
ware artikel produkt kunde kunden kundenservice service mitarbeiter personal freundlich unfreundlich
hilfsbereit danke bitte hallo guten tag sehr geehrte damen herren antwort erstattung ruckerstattung
rechnung konto geld problem woche wochen tag tage monat monate stunde stunden mal leider endlich
kaputt defekt zufrieden unzufrieden enttauscht empfehlen empfehlenswert empfehle gerne wieder
angekommen erhalten bekommen gekauft zuruck laden geschaft zimmer essen einfach wirklich total
ja nein man sich diese dieser dieses jeder jede keine warum was wer wo`,
    suffixes: `ung ungen heit heiten keit keiten lich liche lichen licher isch ische ischen chen lein
schaft schaften ig ige igen iger en ern elt tet ten ert gt ht cht st sst tz nde ndes`,
    clusters: `sch ch ei ie eu au tz ck cht pf st sp`,
    letters: 'äöüß',
  },
  ita: {
    words: `eccellente super top sito originale totale disastro inizio fine
il lo la i gli le un uno una di a da in con su per tra fra del dello della dei degli delle al
allo alla ai agli alle dal dalla dai nel nello nella nei negli nelle sul sulla sui e ed o ma pero
perche che chi cui come dove quando se non piu meno molto molta molti molte tanto tutto tutta tutti
tutte niente nulla nessuno qualcosa sempre mai anche ancora gia ora poi prima dopo qui li la io tu
lui lei noi voi loro mi ti ci vi si mio mia miei mie tuo tua suo sua nostro nostra vostro questo
questa questi queste quello quella e sono era erano stato stata stati essere ho hai ha abbiamo avete
hanno aveva avere fatto fare fa puo possono posso vorrei voglio grazie ciao buongiorno buonasera
salve signore signora ordine ordinato spedizione spedito consegna consegnato pacco prodotto prodotti
qualita prezzo prezzi negozio venditore servizio clienti cliente assistenza rimborso reso fattura
conto soldi problema problemi settimana settimane mese mesi ora ore giorno giorni volta volte buono
buona buoni ottimo ottima ottimi pessimo pessima cattivo meglio peggio veloce lento caro economico
perfetto perfetta bellissimo bellissima consiglio consigliato consiglio contento contenta
soddisfatto soddisfatta deluso delusa rotto rotta nessuno aspetto aspettato telefono chiamata
email personale gentile gentilissimo gentilissima cortese scortese sito acquisto acquistato
comprato cosa cose altro altra solo ancora cosi bene male tale quanto oggi ieri domani ok arrivato
arrivata funziona davvero proprio troppo poco`,
    suffixes: `zione zioni mente ato ata ati ate ito ita iti ite uto uta uti ando endo are ere ire ano ono
ggi zz tto tta tti tte ssimo ssima ssimi issimo ioni etto etta ello ella oni ezza enza anza ismo
ista abile ibile ebbe ava avano eva evano`,
    clusters: `gli gn zz cch sci tt cc pp zi ggi gh chi che`,
    letters: 'àèéìòù',
  },
  por: {
    words: `excelente super top site original total desastre inicio fim
o a os as um uma uns umas do da dos das no na nos nas ao aos pelo pela pelos pelas de em e ou
mas nem que quem qual quando onde como porque porque se nao sim ja muito muita muitos muitas pouco
pouca tudo toda todos todas nada ninguem algo alguem sempre nunca tambem aqui ali agora depois
antes ainda com sem para por entre ate desde sobre eu tu ele ela voce voces nos eles elas me te se
lhe lhes meu minha meus minhas teu tua seu sua seus suas nosso nossa este esta estes estas esse essa
isso isto aquele e sao era eram foi foram ser estar estou esta estamos estao estava estavam tenho tem
temos tinha ha fez fazer pode podem posso quero queria obrigado obrigada ola bom boa bons boas dia
tarde noite senhor senhora encomenda encomendas pedido entrega entregue chegou chegada enviado envio
produto produtos qualidade preco precos loja vendedor atendimento cliente clientes servico
reembolso devolucao fatura conta dinheiro problema problemas semana semanas mes meses hora horas
vez vezes mau ma melhor pior rapido rapida lento caro barato perfeito perfeita otimo otima excelente
recomendo recomendavel adorei contente satisfeito satisfeita decepcionado decepcionada partido
avariado ninguem espera esperar telefone chamada email funcionario funcionaria simpatico simpatica
site aplicacao compra comprei comprar coisa coisas outro outra so assim bem mal tal quanto hoje
ontem amanha ja muito demais vou vai vamos deu`,
    suffixes: `cao coes sao soes ao oes dade dades mente ado ada ados adas ido ida idos idas ando endo indo
amos emos imos inho inha inhos eiro eira eiros agem vel veis ou eu iu aram eram iram ava avam`,
    clusters: `nh lh ao oe`,
    letters: 'ãõçáâêôóíúà',
  },
  nld: {
    words: `super top totaal origineel concept service
de het een en of maar want dus niet geen nooit niets niemand ik jij je u hij zij ze wij we
jullie mij me jou hem haar ons hun mijn jouw uw zijn haar onze is ben bent was waren zijn geweest
heb hebt heeft hebben had hadden wordt worden werd werden kan kunnen kon moet moeten moest wil
willen zou zouden met zonder voor van aan op in uit bij naar over onder door tegen tot sinds om als
dan toen wanneer omdat dat die dit deze wat wie waar hoe waarom ook nog al wel heel erg zeer zo te
maar alleen altijd weer nu hier daar er vandaag gisteren morgen alles alle veel meer minder iets
goed goede beter beste slecht slechte mooi leuk prima top snel snelle langzaam duur goedkoop prijs
kwaliteit levering geleverd bestelling besteld pakket artikel product klant klanten klantenservice
service medewerker personeel vriendelijk onvriendelijk behulpzaam bedankt dank alstublieft
alsjeblieft graag hallo goedemorgen goedemiddag geachte heer mevrouw antwoord terugbetaling
factuur rekening geld probleem week weken dag dagen maand maanden uur keer helaas eindelijk kapot
stuk tevreden ontevreden teleurgesteld aanrader aanbevolen aangekomen ontvangen gekregen gekocht
terug winkel kamer eten gewoon echt helemaal ja nee men zich elke ieder waarom`,
    suffixes: `lijk lijke heid heden tje tjes pje pjes ing ingen en ig ige ijk eer aar oor eel ouw ven
ken gen den de te baar loos achtig atie`,
    clusters: `ij oe aa uu ui eeu ou sch cht ee oo`,
    letters: 'ëï',
  },
  cat: {
    words: `excel·lent excel·lents super top original total desastre principi fi
el la els les un una uns unes del dels al als pel pels de i o pero ni que qui quan on com
perque si no ja molt molta molts moltes mes menys tan tant tot tota tots totes res ningu algu sempre
mai tambie tampoc aqui alla ara despres abans encara amb sense per entre fins des sobre jo tu ell
ella vosté nosaltres vosaltres ells elles em et es ens us li els meu meva meus meves teu teva seu
seva seus seves nostre nostra aquest aquesta aquests aquestes aquell aquella aixo allo es son era
eren va van vaig vam ser estar estic esta estem estan estava he ha han hem havia hi ho tinc te
tenen feia fer fet pot poden puc vull voldria gracies merci hola bon bona bons bones dia tarda nit
senyor senyora comanda comandes enviament enviat arribat arribar entrega lliurament lliurat paquet
producte productes qualitat preu preus botiga venedor atencio client clients servei reemborsament
devolucio factura compte diners problema problemes setmana setmanes mes mesos hora hores dia
vegada vegades dolent dolenta millor pitjor rapid rapida lent car barat perfecte perfecta genial
excel recomano recomanable encanta content contenta satisfet satisfeta decebut decebuda trencat
trencada ningu espero esperant trucada trucar correu correus personal amable gent web aplicacio
compra comprar cosa coses altre altra nomes aixi be malament tal quant avui ahir dema doncs gaire
gairebe cap massa mica trigat`,
    suffixes: `cio cions sio sions tat tats ment ments ats ades ada ava aven eix eixen aix ig ista istes
ut uda uts udes eu ble bles ria`,
    clusters: `ny tx ix ll ig`,
    letters: 'àèéíïòóúç·',
  },
  ron: {
    words: `excelent excelenta super top site concept original originala total
si sa se nu da de la in pe cu din pentru prin spre fara despre dupa pana intre un o niste
unui unei ale al a ai lui ei lor eu tu el ea noi voi ei ele ma te il o ne va le mi ti imi iti isi
ne meu mea mei mele tau ta sau sale nostru noastra acest aceasta acesti aceste acel acea este e
sunt era erau fost fi am ai are avem aveti au avea avut face facut poate pot putea vreau vrea
multumesc mersi buna ziua seara dimineata domnule doamna comanda comandat livrare livrat colet
produs produse calitate pret preturi magazin vanzator serviciu clienti client rambursare factura
cont bani problema probleme saptamana saptamani luna luni ora ore zi zile data dati bun buna buni
bune rau rea mai bine prost rapid rapida lent scump ieftin perfect perfecta excelent recomand
multumit multumita dezamagit dezamagita stricat nimeni astept asteptat telefon apel email
personal amabil amabila site aplicatie cumparat cumpar lucru lucruri alt alta doar asa bine rau
foarte azi ieri maine deja inca niciodata mereu tot toata toti toate nimic ceva cineva cand unde
cum de ce care cine daca ca dar iar ori nici acum aici acolo totul`,
    suffixes: `ului ilor elor ul ii ile uri urile esc este easca eaza ata ate tie tii tia ita it at ut
ind and oasa os ism ist`,
    clusters: `oa ea ii ul ui`,
    letters: 'ăâîșțşţ',
  },
  pol: {
    words: `super top
i a w z na do od po o u za przez dla bez pod nad przed przy miedzy jest sa byl byla bylo byli
byc jestem jestesmy bede bedzie moze mozna musi musze chce chcialem chcialam mam ma mamy maja mial
miala nie tak ze to ten ta te tego tej tym temu ktory ktora ktore co kto gdzie kiedy jak dlaczego
bo ale lub albo czy juz jeszcze tylko bardzo tez takze zawsze nigdy nic nikt cos ktos wszystko
wszyscy kazdy ja ty on ona ono my wy oni one mnie mi mi nam was wam ich im go jej jego moj moja moje
twoj nasz nasza wasz swoj sie siebie dzien dobry dobra dobre dobrze zle zly zla dziekuje dzieki
prosze witam pan pani panstwo zamowienie zamowilem zamowilam dostawa dostarczono przesylka paczka
kurier produkt produkty jakosc cena ceny sklep sprzedawca obsluga klient klienta klientow zwrot
pieniedzy faktura konto pieniadze problem problemu tydzien tygodnie tygodni miesiac miesiace godzina
godziny raz razy szybko szybka szybki wolno drogo drogi tani tanio super swietnie swietny polecam
nie polecam zadowolony zadowolona rozczarowany rozczarowana zepsuty zepsul czekam czekalem telefon
mail strona aplikacja zakup kupilem kupilam rzecz inne inny tylko dzis wczoraj jutro teraz tutaj
tam potem wiec jednak naprawde calkiem troche duzo malo bardzo`,
    suffixes: `osc osci nie nia niu ego emu ych ymi ami ach ow owi cie ac al ala alo ali ski ska skie
sko cy czy szy rzy dzi wy wa em ej ym ie ek ka ki`,
    clusters: `cz sz rz dz prz ow ie`,
    letters: 'ąćęłńóśźż',
  },
  tur: {
    words: `super
ve veya ile ama fakat ancak ki de da bu su o bir iki uc cok az daha en hic her hep hala
sonra once simdi burada orada ben sen biz siz onlar beni bana benim seni sana senin onu ona onun
bizi bize bizim sizi size sizin onlari onlara onlarin ne neden nasil nerede kim hangi icin gibi
kadar gore degil yok var evet hayir tamam olarak oldu olan olmak olur olmadi etti ettim etmek
yapmak yapti yaptim geldi gelmedi aldim aldik siparis kargo teslim teslimat urun urunler kalite
kaliteli fiyat fiyatlar magaza satici hizmet musteri musteriler iade fatura hesap para sorun
sorunu hafta haftadir ay gun gunluk saat kez defa iyi kotu guzel harika super mukemmel hizli yavas
pahali ucuz tavsiye ederim memnun memnunum begendim bozuk bozuldu kimse bekliyorum bekledik
telefon mail site uygulama alisveris sey seyler baska sadece boyle iyi kotu bugun dun yarin artik
hala tesekkurler tesekkur ederim merhaba sayin lutfen maalesef hemen asla hicbir`,
    suffixes: `lar ler lari leri larin lerin lik luk suz siz dir dur dan den tan ten nin nun un in da
de ta te mis yor iyor uyor iyorum uyorum dim dik dum duk tim tik ci cu li lu mak mek masi mesi ligi
ligini lugu sini sine`,
    clusters: ``,
    letters: 'ıışğçöü',
  },
};

/** Arabic letters (the Arabic block and its supplements): script alone tells Arabic apart. */
export const ARABIC_RE = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
